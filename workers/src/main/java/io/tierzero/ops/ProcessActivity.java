package io.tierzero.ops;

import java.util.List;

/** A deployed process (all its versions): its active instances and where they stand. */
public record ProcessActivity(String bpmnProcessId, long activeInstances, List<ElementActivity> elements) {
}
