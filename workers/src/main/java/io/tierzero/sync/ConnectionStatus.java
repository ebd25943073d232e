package io.tierzero.sync;

import java.net.URI;
import java.time.Instant;

/** A connection as operations sees it: where it points and how far its sync is. */
public record ConnectionStatus(String connection, String type, URI baseUrl, String scope, boolean exportNewTickets,
                               long linkedTickets, Instant pollWatermark, long lastRelayedEvent, long pendingUpdates,
                               long deadUpdates, Instant lastReconciledAt) {
}
