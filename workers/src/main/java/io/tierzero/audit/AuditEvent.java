package io.tierzero.audit;

import java.time.Instant;
import java.util.UUID;

/** One stored row of the audit trail, as read back. */
public record AuditEvent(
        String tenantId,
        long sequenceNumber,
        UUID eventId,
        UUID ticketId,
        Instant occurredAt,
        String eventType,
        String action,
        String fromState,
        String toState,
        String actorKind,
        String actorId,
        String reason,
        Long processInstanceKey,
        String bpmnElementId,
        String idempotencyKey,
        String payload,
        String payloadDigest,
        String previousHash,
        String hash) {

    /** The fields the hash covers, in a fixed order; the hash chains this to the previous row. */
    String canonicalContent() {
        return String.join("\u001f",
                tenantId, Long.toString(sequenceNumber), eventId.toString(), String.valueOf(ticketId),
                occurredAt.toString(), eventType, action, String.valueOf(fromState), String.valueOf(toState),
                actorKind, actorId, String.valueOf(reason), String.valueOf(processInstanceKey),
                String.valueOf(bpmnElementId), String.valueOf(idempotencyKey), payloadDigest, previousHash);
    }
}
