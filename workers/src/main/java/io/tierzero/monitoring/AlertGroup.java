package io.tierzero.monitoring;

import java.time.Instant;
import java.util.UUID;

/** An incident opened from monitoring: the alert that opened it, its ticket once stored, how many alerts it groups. */
record AlertGroup(UUID incidentId, String tenantId, UUID ticketId, String configurationItem, String openedBySource,
                  String openedByFingerprint, String intakeKey, String intakeRequest, UUID previousTicketId,
                  int alertCount, Instant allResolvedAt, Instant openedAt) {

    boolean openedBy(String source, String fingerprint) {
        return openedBySource.equals(source) && openedByFingerprint.equals(fingerprint);
    }

    AlertGroup withTicket(UUID ticket) {
        return new AlertGroup(incidentId, tenantId, ticket, configurationItem, openedBySource, openedByFingerprint,
                intakeKey, intakeRequest, previousTicketId, alertCount, allResolvedAt, openedAt);
    }
}
