package io.tierzero.integration.http;

import io.tierzero.integration.Connection;
import io.tierzero.integration.ExternalTicket;
import io.tierzero.integration.InboundTickets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** TierZero's sync as the inbound routes see it: it records what it received. */
public class RecordingInboundTickets implements InboundTickets {

    public record Delivery(Connection connection, ExternalTicket ticket) {
    }

    public final List<Delivery> received = new CopyOnWriteArrayList<>();

    @Override
    public void received(Connection connection, ExternalTicket ticket) {
        received.add(new Delivery(connection, ticket));
    }

    @Override
    public Instant pollWatermark(Connection connection) {
        return Instant.EPOCH;
    }

    @Override
    public void advancePollWatermark(Connection connection, Instant watermark) {
    }
}
