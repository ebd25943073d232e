package io.tierzero.sync;

import io.tierzero.audit.Actor;
import io.tierzero.audit.ActorKind;
import io.tierzero.intake.IntakeService;
import io.tierzero.intake.NewRequest;
import io.tierzero.integration.Connection;
import io.tierzero.integration.Connection.Side;
import io.tierzero.integration.Connections;
import io.tierzero.integration.ExternalComment;
import io.tierzero.integration.ExternalTicket;
import io.tierzero.integration.InboundTickets;
import io.tierzero.integration.TicketField;
import io.tierzero.ticket.Channel;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketRepository;
import io.tierzero.ticket.TicketState;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Applies what changed in a connected system to TierZero. A record never seen opens a request (or is
 * recognised as the one TierZero created); a known one brings its changed fields and new comments. Applying the
 * same state twice changes nothing, and what TierZero itself wrote there (its own comments, values it sent)
 * is not applied back.
 */
@Service
public class InboundSync implements InboundTickets {

    private static final Logger log = LoggerFactory.getLogger(InboundSync.class);
    private static final Map<TicketField, String> COLUMNS = Map.of(TicketField.SUBJECT, "subject",
            TicketField.DESCRIPTION, "body", TicketField.PRIORITY, "priority", TicketField.ASSIGNMENT_GROUP, "assignment_group");

    private final SyncLinks links;
    private final TicketRepository tickets;
    private final TicketLifecycle lifecycle;
    private final IntakeService intake;
    private final Connections connections;
    private final ConfigurationItemSync configurationItems;
    private final ExternalResolutions resolutions;
    private final JdbcClient jdbc;

    public InboundSync(SyncLinks links, TicketRepository tickets, TicketLifecycle lifecycle, IntakeService intake,
                       Connections connections, ConfigurationItemSync configurationItems,
                       ExternalResolutions resolutions, JdbcClient jdbc) {
        this.links = links;
        this.tickets = tickets;
        this.lifecycle = lifecycle;
        this.intake = intake;
        this.connections = connections;
        this.configurationItems = configurationItems;
        this.resolutions = resolutions;
        this.jdbc = jdbc;
    }

    @Override
    public void received(Connection connection, ExternalTicket external) {
        Optional<SyncLink> link = links.ofExternal(connection.tenantId(), connection.id(), external.externalId())
                .or(() -> adoptCreatedByTierZero(connection, external));
        if (link.isEmpty()) {
            openRequest(connection, external);
            return;
        }
        applyChanges(connection, link.get(), external);
    }

    /** The record TierZero created, seen before the answer to its create was recorded: it is linked, not imported. */
    private Optional<SyncLink> adoptCreatedByTierZero(Connection connection, ExternalTicket external) {
        if (external.tierZeroReference() == null) {
            return Optional.empty();
        }
        return ticketByReference(connection.tenantId(), external.tierZeroReference()).map(ticketId -> {
            SyncLink adopted = new SyncLink(connection.tenantId(), connection.id(), ticketId, external.externalId(),
                    external.version(), external.updatedAt(), SyncedFields.of(SyncedFields.snapshot(tickets.get(ticketId))));
            links.save(adopted);
            return adopted;
        });
    }

    private void openRequest(Connection connection, ExternalTicket external) {
        String requesterId = external.requesterId() != null ? external.requesterId() : connection.id();
        String email = external.requesterEmail() != null && external.requesterEmail().contains("@") ? external.requesterEmail() : null;
        String subject = external.subject() == null || external.subject().isBlank()
                ? "(no subject) " + connection.id() + " #" + external.externalId() : external.subject();
        String body = external.description() == null || external.description().isBlank() ? subject : external.description();
        var request = new NewRequest(null, Channel.API, new NewRequest.Requester(requesterId, external.requesterName(), email),
                null, truncate(subject, 255), truncate(body, 20_000), null, null, null, null,
                Map.of(connection.id(), external.externalId()));
        UUID ticketId = intake.submit(connection.tenantId(), "sync:" + connection.id() + ":" + external.externalId(), request)
                .ticketId();
        links.save(new SyncLink(connection.tenantId(), connection.id(), ticketId, external.externalId(), external.version(),
                external.updatedAt(), SyncedFields.of(SyncedFields.snapshot(tickets.get(ticketId)))));
        external.comments().forEach(comment -> carryComment(connection, ticketId, comment));
        configurationItems.linkTicket(connection, ticketId, external.configurationItems());
        log.info("{} ticket {} opened TierZero request {}", connection.id(), external.externalId(), ticketId);
    }

    private void applyChanges(Connection connection, SyncLink link, ExternalTicket external) {
        Ticket ticket = tickets.get(link.ticketId());
        Map<TicketField, String> theirs = SyncedFields.of(external, ticket.state().value(),
                connections.connectorFor(connection), connection);
        Map<TicketField, String> ours = SyncedFields.of(SyncedFields.snapshot(ticket));
        Map<TicketField, String> agreed = new EnumMap<>(TicketField.class);
        agreed.putAll(link.syncedValues());
        Map<String, Object> columns = new LinkedHashMap<>();
        Map<String, String> changed = new LinkedHashMap<>();
        theirs.forEach((field, value) -> {
            if (Objects.equals(value, agreed.get(field))) {
                return;
            }
            boolean weChangedItToo = !Objects.equals(ours.get(field), agreed.get(field));
            // TierZero's lifecycle moving an open ticket on (assigned, in progress) is routing, not a decision against
            // the resolution an agent made there: the resolution is taken whoever wrote last
            boolean resolvedThereWhileOpenHere = field == TicketField.STATE && isResolution(value) && !isResolution(ours.get(field));
            if (Objects.equals(value, ours.get(field)) || !weChangedItToo || resolvedThereWhileOpenHere
                    || WhoWins.of(connection, field, ticket.updatedAt(), external.updatedAt()) == Side.EXTERNAL) {
                agreed.put(field, value);
                changed.put(field.value(), value);
                if (COLUMNS.containsKey(field) && !Objects.equals(value, ours.get(field))) {
                    columns.put(COLUMNS.get(field), value);
                }
            }
        });
        boolean resolutionFollowed = resolvedThere(changed) && !ticket.state().equals(TicketState.RESOLVED)
                && !ticket.isClosed() && resolutions.resolve(connection, ticket.ticketId(), external);
        if (resolutionFollowed) {
            agreed.put(TicketField.STATE, TicketState.RESOLVED.value());
        }
        if (!changed.isEmpty()) {
            var change = lifecycle.change(ticket.ticketId(), changed.containsKey(TicketField.STATE.value())
                            ? "sync.external-state-changed" : "sync.external-update")
                    .by(actor(connection))
                    .because("Changed in " + connection.id() + " #" + external.externalId())
                    .once("sync:" + connection.id() + ":" + external.externalId() + ":" + external.version())
                    .note("connection", connection.id())
                    .note("externalId", external.externalId())
                    .note("externalVersion", external.version())
                    .note("fields", changed);
            if (external.externalState() != null) {
                change.note("externalState", external.externalState());
            }
            // the ticket is resolved now, not when the lifecycle gets there: until then an update or a reconciliation
            // would otherwise send TierZero's open state back over the resolution
            if (resolutionFollowed) {
                change.toState(TicketState.RESOLVED);
            }
            columns.forEach(change::set);
            change.apply();
        }
        external.comments().forEach(comment -> carryComment(connection, ticket.ticketId(), comment));
        configurationItems.linkTicket(connection, ticket.ticketId(), external.configurationItems());
        links.save(new SyncLink(link.tenantId(), link.connectionId(), link.ticketId(), external.externalId(),
                external.version(), external.updatedAt(), agreed));
    }

    /**
     * A comment TierZero wrote there is not brought back: its id was recorded when it was written, or, when it is
     * read back before that, its text is that of a comment TierZero has sent to this record.
     */
    private void carryComment(Connection connection, UUID ticketId, ExternalComment comment) {
        boolean ours = jdbc.sql("""
                        select count(*) from sync_outbox where tenant_id = ? and connection_id = ? and ticket_id = ?
                        and kind = 'comment' and btrim(comment) = btrim(?)""")
                .params(connection.tenantId(), connection.id(), ticketId, comment.body()).query(Long.class).single() > 0;
        int recorded = jdbc.sql("""
                        insert into sync_comments (tenant_id, connection_id, comment_key, ticket_id, direction)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(connection.tenantId(), connection.id(), "external:" + comment.externalId(), ticketId,
                        ours ? "outbound" : "inbound")
                .update();
        if (recorded == 0 || ours) {
            return;
        }
        lifecycle.change(ticketId, "ticket.comment-added")
                .by(actor(connection))
                .because((comment.publicReply() ? "Reply" : "Internal note") + " by " + comment.author() + " in " + connection.id())
                .once("sync:" + connection.id() + ":comment:" + comment.externalId())
                .note("connection", connection.id())
                .note("author", comment.author())
                .note("body", comment.body())
                .note("publicReply", comment.publicReply())
                .apply();
    }

    private static boolean resolvedThere(Map<String, String> changed) {
        return isResolution(changed.get(TicketField.STATE.value()));
    }

    private static boolean isResolution(String state) {
        return TicketState.RESOLVED.value().equals(state) || TicketState.CLOSED.value().equals(state);
    }

    @Override
    public Instant pollWatermark(Connection connection) {
        return jdbc.sql("select poll_watermark from sync_cursors where tenant_id = ? and connection_id = ?")
                .params(connection.tenantId(), connection.id())
                .query((rs, n) -> rs.getTimestamp(1)).optional()
                .map(Timestamp::toInstant).orElse(Instant.EPOCH);
    }

    @Override
    public void advancePollWatermark(Connection connection, Instant watermark) {
        jdbc.sql("""
                        insert into sync_cursors (tenant_id, connection_id, poll_watermark) values (?, ?, ?)
                        on conflict (tenant_id, connection_id) do update
                        set poll_watermark = greatest(coalesce(sync_cursors.poll_watermark, excluded.poll_watermark),
                                                      excluded.poll_watermark)""")
                .params(connection.tenantId(), connection.id(), Timestamp.from(watermark)).update();
    }

    static Actor actor(Connection connection) {
        return new Actor(ActorKind.INTEGRATION, connection.id());
    }

    private Optional<UUID> ticketByReference(String tenantId, String referenceNumber) {
        return jdbc.sql("select ticket_id from tickets where tenant_id = ? and reference_number = ?")
                .params(tenantId, referenceNumber).query(UUID.class).optional();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
