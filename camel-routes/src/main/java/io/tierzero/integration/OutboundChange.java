package io.tierzero.integration;

import java.util.Set;

/**
 * One update TierZero sends to a connected system. An update carries the version it was based on, so the
 * system refuses it when someone changed the record in between ({@link VersionConflictException}).
 * {@code idempotencyKey} is stable across retries of the same change.
 */
public record OutboundChange(
        Kind kind,
        String externalId,
        String expectedVersion,
        TicketSnapshot ticket,
        Set<TicketField> fields,
        String comment,
        boolean publicReply,
        String idempotencyKey) {

    public enum Kind { CREATE, UPDATE, COMMENT }

    public static OutboundChange create(TicketSnapshot ticket, String idempotencyKey) {
        return new OutboundChange(Kind.CREATE, null, null, ticket, Set.of(TicketField.values()), null, false, idempotencyKey);
    }

    public static OutboundChange update(String externalId, String expectedVersion, TicketSnapshot ticket,
                                        Set<TicketField> fields, String idempotencyKey) {
        return new OutboundChange(Kind.UPDATE, externalId, expectedVersion, ticket, Set.copyOf(fields), null, false, idempotencyKey);
    }

    public static OutboundChange comment(String externalId, TicketSnapshot ticket, String comment, boolean publicReply,
                                         String idempotencyKey) {
        return new OutboundChange(Kind.COMMENT, externalId, null, ticket, Set.of(), comment, publicReply, idempotencyKey);
    }
}
