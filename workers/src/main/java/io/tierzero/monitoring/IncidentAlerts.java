package io.tierzero.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The alerts an incident groups.
 *
 * @param previousTicketId the incident its opening alert had before it fired again; null when none
 * @param allResolvedAt    when the last of its firing alerts resolved; null while one fires
 */
public record IncidentAlerts(UUID ticketId, String referenceNumber, int alertCount, long firing,
                             UUID previousTicketId, Instant allResolvedAt, List<AlertView> alerts) {
}
