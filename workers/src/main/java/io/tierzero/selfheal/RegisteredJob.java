package io.tierzero.selfheal;

/** A job of the job register: whether it may be rerun automatically and with which allow-listed command. */
public record RegisteredJob(String tenantId, String scheduler, String jobName, String host, String owner,
        boolean rerunnable, boolean idempotent, String rerunCommand, String wrapperPath) {
}
