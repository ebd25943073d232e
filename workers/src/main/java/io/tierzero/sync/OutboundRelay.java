package io.tierzero.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.Connection;
import io.tierzero.integration.Connections;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the audit trail into outbound updates, per connection: every change of a ticket is an audit event
 * committed with it, so reading the trail from the connection's cursor, in the transaction that moves the cursor,
 * never misses a change (a crash between commit and send included). Changes the connection itself brought in are
 * skipped: they are not sent back where they came from.
 */
@Component
public class OutboundRelay {

    private static final int BATCH = 500;

    private final Connections connections;
    private final SyncLinks links;
    private final SyncOutbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public OutboundRelay(Connections connections, SyncLinks links, SyncOutbox outbox, JdbcClient jdbc,
                         TransactionTemplate transaction, ObjectMapper json) {
        this.connections = connections;
        this.links = links;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
    }

    @Scheduled(initialDelayString = "${tierzero.sync.relay-interval:PT1S}", fixedDelayString = "${tierzero.sync.relay-interval:PT1S}")
    public void relayAll() {
        connections.all().forEach(connection -> {
            int relayed;
            do {
                relayed = transaction.execute(status -> relay(connection));
            } while (relayed == BATCH);
        });
    }

    int relay(Connection connection) {
        jdbc.sql("insert into sync_cursors (tenant_id, connection_id) values (?, ?) on conflict do nothing")
                .params(connection.tenantId(), connection.id()).update();
        long cursor = jdbc.sql("select last_event_sequence from sync_cursors where tenant_id = ? and connection_id = ? for update")
                .params(connection.tenantId(), connection.id()).query(Long.class).single();
        List<TicketEvent> events = jdbc.sql("""
                        select sequence_number, ticket_id, action, actor_id, reason, payload from ticket_events
                        where tenant_id = ? and sequence_number > ? and ticket_id is not null
                        order by sequence_number limit ?""")
                .params(connection.tenantId(), cursor, BATCH)
                .query((rs, n) -> new TicketEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), payload(rs.getString(6))))
                .list();
        events.forEach(event -> relay(connection, event));
        if (!events.isEmpty()) {
            jdbc.sql("update sync_cursors set last_event_sequence = ? where tenant_id = ? and connection_id = ?")
                    .params(events.getLast().sequence(), connection.tenantId(), connection.id()).update();
        }
        return events.size();
    }

    private void relay(Connection connection, TicketEvent event) {
        if (event.actorId().equals(connection.id())) {
            return;
        }
        boolean known = links.ofTicket(connection.tenantId(), connection.id(), event.ticketId()).isPresent()
                || outbox.hasCreate(connection.tenantId(), connection.id(), event.ticketId());
        if (!known) {
            if (event.action().equals("ticket.created") && connection.exportNewTickets()
                    && !importedFrom(connection, event.ticketId())) {
                outbox.add(connection.tenantId(), connection.id(), event.ticketId(), event.sequence(),
                        OutboundUpdate.Kind.CREATE, null, false);
            }
            return;
        }
        switch (event.action()) {
            case "ticket.comment-added" -> outbox.add(connection.tenantId(), connection.id(), event.ticketId(),
                    event.sequence(), OutboundUpdate.Kind.COMMENT, event.payload().path("author").asText() + " wrote: "
                            + event.payload().path("body").asText(), event.payload().path("publicReply").asBoolean());
            case "communication.sent" -> outbox.add(connection.tenantId(), connection.id(), event.ticketId(),
                    event.sequence(), OutboundUpdate.Kind.COMMENT, "TierZero sent the requester \"%s\" (%s to %s)".formatted(
                            event.payload().path("subject").asText(), event.payload().path("channel").asText(),
                            event.payload().path("recipient").asText()), false);
            case "ticket.resolved" -> outbox.add(connection.tenantId(), connection.id(), event.ticketId(),
                    event.sequence(), OutboundUpdate.Kind.COMMENT, "Resolved in TierZero: " + event.reason(), false);
            default -> { }
        }
        outbox.add(connection.tenantId(), connection.id(), event.ticketId(), event.sequence(),
                OutboundUpdate.Kind.UPDATE, null, false);
    }

    private boolean importedFrom(Connection connection, UUID ticketId) {
        return jdbc.sql("select count(*) from ticket_external_refs where tenant_id = ? and ticket_id = ? and system = ?")
                .params(connection.tenantId(), ticketId, connection.id()).query(Long.class).single() > 0;
    }

    private JsonNode payload(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException unreadable) {
            return json.createObjectNode();
        }
    }

    private record TicketEvent(long sequence, UUID ticketId, String action, String actorId, String reason, JsonNode payload) {
    }
}
