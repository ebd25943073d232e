package io.tierzero.sync;

import io.tierzero.integration.TicketField;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A TierZero ticket and its record in a connected system. {@code syncedValues} are the field values both sides
 * agreed on at the last sync: a side whose value differs from them changed that field since.
 */
public record SyncLink(
        String tenantId,
        String connectionId,
        UUID ticketId,
        String externalId,
        String externalVersion,
        Instant externalUpdatedAt,
        Map<TicketField, String> syncedValues) {
}
