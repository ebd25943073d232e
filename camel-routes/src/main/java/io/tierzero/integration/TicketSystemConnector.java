package io.tierzero.integration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What TierZero's sync needs from a ticket system. Each connector (Camel routes behind it) translates between
 * the system's API and the canonical types, and maps HTTP failures to {@link ConnectorException}s.
 */
public interface TicketSystemConnector {

    ConnectorType type();

    WriteResult write(Connection connection, OutboundChange change);

    /** Tickets in the connection's scope changed at or after {@code since}, oldest change first. */
    List<ExternalTicket> changedSince(Connection connection, Instant since);

    Optional<ExternalTicket> fetch(Connection connection, String externalId);

    /**
     * The system's state for a TierZero state, by the connection's mapping or the connector's defaults. Several
     * TierZero states may share one (RT's "open" is both assigned and in progress), so states are compared in
     * the system's terms.
     */
    default String externalState(Connection connection, String tierZeroState) {
        return connection.outboundState(tierZeroState);
    }

    /** The record TierZero created for its ticket {@code referenceNumber}, found after a create whose answer was lost. */
    Optional<ExternalTicket> findCreatedFor(Connection connection, String referenceNumber);
}
