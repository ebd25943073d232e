package io.tierzero.audit;

import java.util.Map;
import java.util.UUID;

/**
 * What is appended to the audit trail. A state transition carries from/to states; an action does not.
 * The idempotency key makes a retried append (a job delivered twice) a no-op.
 */
public record AuditEntry(
        String tenantId,
        UUID ticketId,
        String action,
        String fromState,
        String toState,
        Actor actor,
        String reason,
        Long processInstanceKey,
        String bpmnElementId,
        String idempotencyKey,
        Map<String, ?> payload) {

    public boolean isStateTransition() {
        return toState != null;
    }
}
