package io.tierzero.integration;

import java.util.UUID;

/**
 * What one alert did to the service desk.
 *
 * @param ticketId        the incident the alert belongs to; null when it was ignored without one
 * @param referenceNumber that incident's reference number; null likewise
 */
public record AlertOutcome(String fingerprint, Action action, UUID ticketId, String referenceNumber) {

    public enum Action {
        /** The alert opened a new incident. */
        OPENED,
        /** The alert was already on an open incident: it was counted as a repeat. */
        UPDATED,
        /** A new alert on a configuration item with an open incident from the same storm: attached to it. */
        CORRELATED,
        /** The alert cleared: its incident was annotated. */
        RESOLVED_ANNOTATED,
        /** Nothing to do: an alert that cleared before it was ever seen, or a delivery already taken into account. */
        IGNORED
    }
}
