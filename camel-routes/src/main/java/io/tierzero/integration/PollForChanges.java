package io.tierzero.integration;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One poll of a connection: the records changed since the watermark, oldest first, each handed to the sync, and
 * the watermark moved past each one handled. A failed poll leaves the watermark where the last handled record
 * put it, so the next poll starts there again; records seen twice change nothing the second time.
 */
@Component
public class PollForChanges {

    private static final Logger log = LoggerFactory.getLogger(PollForChanges.class);

    private final Connections connections;
    private final InboundTickets inbound;

    public PollForChanges(Connections connections, InboundTickets inbound) {
        this.connections = connections;
        this.inbound = inbound;
    }

    public int poll(Connection connection) {
        Instant since = inbound.pollWatermark(connection);
        int handled = 0;
        for (ExternalTicket changed : connections.connectorFor(connection).changedSince(connection, since)) {
            inbound.received(connection, changed);
            if (changed.updatedAt() != null) {
                inbound.advancePollWatermark(connection, changed.updatedAt());
            }
            handled++;
        }
        if (handled > 0) {
            log.debug("{}: {} changed records since {}", connection, handled, since);
        }
        return handled;
    }
}
