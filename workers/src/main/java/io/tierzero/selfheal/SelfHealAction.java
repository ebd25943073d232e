package io.tierzero.selfheal;

import java.util.Map;

/**
 * The remote action of one playbook execution. {@code resumed}: it was begun by an earlier delivery of the same
 * job, which may have acted before it stopped.
 */
public record SelfHealAction(boolean ended, Map<String, Object> details, boolean resumed) {
}
