package io.tierzero.tasks;

import java.time.Instant;
import java.util.UUID;

/** A step of a lifecycle that a person does, as agents see it in their group's queue. */
public record HumanTask(
        String tenantId,
        UUID taskId,
        UUID ticketId,
        String referenceNumber,
        String subject,
        String elementId,
        String name,
        String candidateGroup,
        String formId,
        String state,
        String assignee,
        Instant createdAt,
        Instant claimedAt,
        Instant endedAt) {
}
