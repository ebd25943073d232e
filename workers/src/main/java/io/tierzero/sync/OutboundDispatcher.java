package io.tierzero.sync;

import io.tierzero.audit.AuditEntry;
import io.tierzero.audit.AuditTrail;
import io.tierzero.integration.Connection;
import io.tierzero.integration.ConnectorException;
import io.tierzero.integration.Connections;
import io.tierzero.integration.ExternalComment;
import io.tierzero.integration.ExternalTicket;
import io.tierzero.integration.OutboundChange;
import io.tierzero.integration.PeerUnavailableException;
import io.tierzero.integration.TicketField;
import io.tierzero.integration.TicketSnapshot;
import io.tierzero.integration.TicketSystemConnector;
import io.tierzero.integration.VersionConflictException;
import io.tierzero.integration.WriteResult;
import io.tierzero.ticket.TicketRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbound updates to the connected systems, each ticket's in order. An update sends the ticket's
 * current values of the fields TierZero changed since the last sync, based on the record's version: when the
 * record changed meanwhile, its changes are taken in first (by the connection's rules) and the update is tried
 * again. Unreachable systems are tried again with growing waits (and no sooner than they ask); what cannot
 * succeed ends as a dead letter, visible and retryable.
 */
@Component
public class OutboundDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboundDispatcher.class);
    private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(2);

    private final SyncOutbox outbox;
    private final SyncLinks links;
    private final Connections connections;
    private final TicketRepository tickets;
    private final InboundSync inbound;
    private final AuditTrail auditTrail;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final Duration maxBackoff;

    public OutboundDispatcher(SyncOutbox outbox, SyncLinks links, Connections connections, TicketRepository tickets,
                              InboundSync inbound, AuditTrail auditTrail, JdbcClient jdbc, TransactionTemplate transaction,
                              @Value("${tierzero.sync.max-attempts:10}") int maxAttempts,
                              @Value("${tierzero.sync.retry-backoff:PT5S}") Duration retryBackoff,
                              @Value("${tierzero.sync.max-backoff:PT10M}") Duration maxBackoff) {
        this.outbox = outbox;
        this.links = links;
        this.connections = connections;
        this.tickets = tickets;
        this.inbound = inbound;
        this.auditTrail = auditTrail;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.maxAttempts = maxAttempts;
        this.retryBackoff = retryBackoff;
        this.maxBackoff = maxBackoff;
    }

    @Scheduled(initialDelayString = "${tierzero.sync.dispatch-interval:PT1S}", fixedDelayString = "${tierzero.sync.dispatch-interval:PT1S}")
    public void dispatchDue() {
        Optional<OutboundUpdate> next;
        while ((next = outbox.claimNextDue(CLAIM_TIMEOUT)).isPresent()) {
            dispatch(next.get());
        }
    }

    void dispatch(OutboundUpdate update) {
        Optional<Connection> connection = connections.find(update.tenantId(), update.connectionId());
        if (connection.isEmpty()) {
            outbox.markDead(update.updateId(), "connection " + update.connectionId() + " is no longer configured");
            return;
        }
        try {
            boolean done = switch (update.kind()) {
                case CREATE -> create(connection.get(), update);
                case UPDATE -> update(connection.get(), update);
                case COMMENT -> comment(connection.get(), update);
            };
            if (done) {
                outbox.markSent(update.updateId());
            } else {
                outbox.scheduleRetry(update.updateId(), "waiting for the ticket to be created there", retryBackoff);
            }
        } catch (VersionConflictException conflict) {
            outbox.scheduleRetry(update.updateId(), conflict.getMessage(), Duration.ZERO);
        } catch (ConnectorException failure) {
            failed(update, failure.getMessage(), failure.retryable(),
                    failure instanceof PeerUnavailableException unavailable ? unavailable.retryAfter() : null);
        } catch (RuntimeException unexpected) {
            log.warn("sync update {} to {} failed", update.updateId(), update.connectionId(), unexpected);
            failed(update, unexpected.toString(), true, null);
        }
    }

    private boolean create(Connection connection, OutboundUpdate update) {
        if (links.ofTicket(connection.tenantId(), connection.id(), update.ticketId()).isPresent()) {
            return true;
        }
        TicketSnapshot ticket = SyncedFields.snapshot(tickets.get(update.ticketId()));
        TicketSystemConnector connector = connections.connectorFor(connection);
        Optional<ExternalTicket> createdBefore = update.attempts() > 1
                ? connector.findCreatedFor(connection, ticket.referenceNumber()) : Optional.empty();
        WriteResult created = createdBefore.map(found -> new WriteResult(found.externalId(), found.version()))
                .orElseGet(() -> connector.write(connection, OutboundChange.create(ticket, "tierzero:" + update.updateId())));
        transaction.executeWithoutResult(status -> {
            links.save(new SyncLink(connection.tenantId(), connection.id(), update.ticketId(), created.externalId(),
                    created.version(), Instant.now(), SyncedFields.of(ticket)));
            auditTrail.append(new AuditEntry(connection.tenantId(), update.ticketId(), "sync.exported", null, null,
                    InboundSync.actor(connection), "Created in " + connection.id() + " as #" + created.externalId(),
                    null, null, "sync:" + connection.id() + ":exported:" + update.ticketId(), Map.of("connection", connection.id(),
                    "externalId", created.externalId())));
        });
        return true;
    }

    private boolean update(Connection connection, OutboundUpdate update) {
        Optional<SyncLink> link = links.ofTicket(connection.tenantId(), connection.id(), update.ticketId());
        if (link.isEmpty()) {
            return !outbox.hasCreate(connection.tenantId(), connection.id(), update.ticketId());
        }
        TicketSnapshot ticket = SyncedFields.snapshot(tickets.get(update.ticketId()));
        Map<TicketField, String> ours = SyncedFields.of(ticket);
        Set<TicketField> changed = EnumSet.noneOf(TicketField.class);
        ours.forEach((field, value) -> {
            if (!Objects.equals(value, link.get().syncedValues().get(field))) {
                changed.add(field);
            }
        });
        if (changed.isEmpty()) {
            return true;
        }
        TicketSystemConnector connector = connections.connectorFor(connection);
        try {
            WriteResult written = connector.write(connection, OutboundChange.update(link.get().externalId(),
                    link.get().externalVersion(), ticket, changed, "tierzero:" + update.updateId()));
            Map<TicketField, String> agreed = new EnumMap<>(TicketField.class);
            agreed.putAll(link.get().syncedValues());
            changed.forEach(field -> agreed.put(field, ours.get(field)));
            links.save(new SyncLink(link.get().tenantId(), link.get().connectionId(), link.get().ticketId(),
                    written.externalId(), written.version(), Instant.now(), agreed));
            return true;
        } catch (VersionConflictException conflict) {
            connector.fetch(connection, link.get().externalId()).ifPresent(current -> inbound.received(connection, current));
            throw conflict;
        }
    }

    /**
     * A comment whose answer was lost is not written twice: a retry first looks for it on the record. The id the
     * system gave the comment is recorded, so reading it back does not bring it in as someone else's.
     */
    private boolean comment(Connection connection, OutboundUpdate update) {
        Optional<SyncLink> link = links.ofTicket(connection.tenantId(), connection.id(), update.ticketId());
        if (link.isEmpty()) {
            return !outbox.hasCreate(connection.tenantId(), connection.id(), update.ticketId());
        }
        TicketSystemConnector connector = connections.connectorFor(connection);
        Optional<String> alreadyThere = update.attempts() > 1
                ? connector.fetch(connection, link.get().externalId()).flatMap(current -> current.comments().stream()
                        .filter(comment -> SyncedFields.sameText(comment.body(), update.comment()))
                        .map(ExternalComment::externalId).findFirst())
                : Optional.empty();
        String commentId = alreadyThere.orElseGet(() -> connector.write(connection, OutboundChange.comment(
                link.get().externalId(), SyncedFields.snapshot(tickets.get(update.ticketId())), update.comment(),
                update.publicReply(), "tierzero:" + update.updateId())).commentId());
        if (commentId != null) {
            jdbc.sql("""
                            insert into sync_comments (tenant_id, connection_id, comment_key, ticket_id, direction)
                            values (?, ?, ?, ?, 'outbound') on conflict do nothing""")
                    .params(connection.tenantId(), connection.id(), "external:" + commentId, update.ticketId()).update();
        }
        return true;
    }

    private void failed(OutboundUpdate update, String error, boolean retryable, Duration retryAfter) {
        if (!retryable || update.attempts() >= maxAttempts) {
            outbox.markDead(update.updateId(), error);
            log.warn("sync update {} to {} is a dead letter after {} attempts: {}", update.updateId(),
                    update.connectionId(), update.attempts(), error);
            return;
        }
        Duration backoff = retryBackoff.multipliedBy(1L << Math.min(update.attempts() - 1, 16));
        Duration wait = backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        outbox.scheduleRetry(update.updateId(), error, wait);
    }
}
