package io.tierzero.integration;

import java.time.Instant;

/** A comment or reply on a ticket in a connected system; {@code publicReply} is false for internal notes. */
public record ExternalComment(String externalId, String author, String body, boolean publicReply, Instant createdAt) {
}
