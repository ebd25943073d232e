package io.tierzero.knowledge.retrieval;

import java.time.Instant;
import java.util.Objects;

/**
 * A resolved ticket kept so that new tickets can be compared with it.
 *
 * @param source     where it comes from: {@value ResolvedTicketIndex#RESOLVED_IN_TIERZERO} or the name of an
 *                   imported file; with the tenant and the ticket id it makes the document id
 * @param runbookId  the runbook that resolved it, null when unknown
 * @param resolvedAt null when unknown (imports without a resolution time)
 */
public record ResolvedTicket(String tenantId, String source, String ticketId, String shortDescription,
                             String description, String assignmentGroup, String runbookId, String resolutionNotes,
                             Instant resolvedAt) {

    public ResolvedTicket {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ticketId, "ticketId");
        shortDescription = shortDescription == null ? "" : shortDescription;
        description = description == null ? "" : description;
    }

    /** The text a new ticket is compared with, joined like the classifier's default text columns. */
    public String text() {
        return shortDescription + "\n" + description;
    }

    String documentId() {
        return tenantId + "/" + source + "/" + ticketId;
    }
}
