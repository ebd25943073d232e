package io.tierzero.integration;

import java.time.Instant;

/** Where connectors deliver what changed on the other side; TierZero's sync domain implements it. */
public interface InboundTickets {

    /** Applies one external ticket's current state; delivering the same state again changes nothing. */
    void received(Connection connection, ExternalTicket ticket);

    /** Where the next poll of this connection starts. */
    Instant pollWatermark(Connection connection);

    void advancePollWatermark(Connection connection, Instant watermark);
}
