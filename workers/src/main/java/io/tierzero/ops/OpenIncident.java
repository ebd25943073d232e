package io.tierzero.ops;

import java.time.Instant;

/**
 * An incident the engine raised and nobody resolved yet. jobKey and jobType are null when the incident does not
 * come from a job (an expression or mapping failed); ticket is null when the instance names no ticket.
 */
public record OpenIncident(long incidentKey, long processInstanceKey, String bpmnProcessId, String elementId,
                           Long jobKey, String jobType, String errorType, String errorMessage, Instant createdAt,
                           InstanceTicket ticket) {
}
