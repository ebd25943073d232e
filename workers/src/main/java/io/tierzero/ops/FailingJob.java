package io.tierzero.ops;

import java.time.Instant;

/** A job whose last attempt failed and that the engine will hand out again: retriesLeft is above zero. */
public record FailingJob(long jobKey, String jobType, int retriesLeft, String errorMessage, Instant failedAt,
                         long processInstanceKey, String bpmnProcessId, String elementId, InstanceTicket ticket) {
}
