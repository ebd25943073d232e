package io.tierzero.monitoring;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An alert as the API shows it, with the incident it belongs to.
 *
 * @param openedIncident false when it was attached to another alert's incident on the same configuration item
 * @param repeatCount    firing deliveries after the first
 */
public record AlertView(String source, String fingerprint, String status, String alertName, String severity,
                        String summary, String description, String configurationItem, Map<String, String> labels,
                        Instant startsAt, Instant endsAt, String sourceUrl, boolean openedIncident, int repeatCount,
                        Instant firstSeenAt, Instant lastSeenAt, UUID ticketId, String referenceNumber) {
}
