package io.tierzero.ticket;

import java.time.Instant;
import java.util.UUID;

/** A file kept with a ticket (an e-mail attachment); the content is downloaded separately. */
public record TicketAttachment(UUID attachmentId, UUID ticketId, String filename, String contentType, long sizeBytes,
        String sha256, Instant createdAt) {
}
