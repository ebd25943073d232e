package io.tierzero.integration;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as a connected system holds it, in TierZero's terms. {@code state} is TierZero's state after the
 * connection's state mapping ({@code null} when the mapping has no entry for {@code externalState});
 * {@code version} is what the system compares on a conditional update (RT's ETag, ServiceNow's sys_mod_count,
 * Jira's updated time). {@code tierZeroReference} is the reference number of the TierZero ticket this record
 * was created for, when TierZero created it.
 */
public record ExternalTicket(
        String externalId,
        String version,
        Instant updatedAt,
        String subject,
        String description,
        String state,
        String externalState,
        String priority,
        String assignmentGroup,
        String requesterId,
        String requesterName,
        String requesterEmail,
        String tierZeroReference,
        List<ExternalComment> comments,
        List<String> configurationItems) {

    public ExternalTicket {
        comments = comments == null ? List.of() : List.copyOf(comments);
        configurationItems = configurationItems == null ? List.of() : List.copyOf(configurationItems);
    }
}
