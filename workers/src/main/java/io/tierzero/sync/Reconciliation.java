package io.tierzero.sync;

import io.tierzero.audit.Actor;
import io.tierzero.audit.ActorKind;
import io.tierzero.audit.AuditEntry;
import io.tierzero.audit.AuditTrail;
import io.tierzero.integration.Connection;
import io.tierzero.integration.Connection.Side;
import io.tierzero.integration.Connections;
import io.tierzero.integration.ExternalTicket;
import io.tierzero.integration.TicketField;
import io.tierzero.integration.TicketSystemConnector;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares a connection's records with TierZero's tickets and repairs what drifted by the connection's rules:
 * a record gone from the system is created again from TierZero's ticket, a record TierZero never saw opens a
 * request, and a field that differs takes the value of the side that changed it (when both did: the field's
 * owner, otherwise the last writer). The state is the lifecycle's: it always goes from TierZero to the system.
 * Every repair is an audit event on the ticket and a row of the drift report.
 */
@Service
public class Reconciliation {

    static final Actor RECONCILIATION = new Actor(ActorKind.SYSTEM, "tierzero-reconciliation");
    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final Connections connections;
    private final SyncLinks links;
    private final SyncOutbox outbox;
    private final InboundSync inbound;
    private final TicketRepository tickets;
    private final TicketLifecycle lifecycle;
    private final DriftLog driftLog;
    private final ConfigurationItemSync configurationItems;
    private final AuditTrail auditTrail;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public Reconciliation(Connections connections, SyncLinks links, SyncOutbox outbox, InboundSync inbound,
                          TicketRepository tickets, TicketLifecycle lifecycle, DriftLog driftLog,
                          ConfigurationItemSync configurationItems, AuditTrail auditTrail, TransactionTemplate transaction,
                          Clock clock) {
        this.connections = connections;
        this.links = links;
        this.outbox = outbox;
        this.inbound = inbound;
        this.tickets = tickets;
        this.lifecycle = lifecycle;
        this.driftLog = driftLog;
        this.configurationItems = configurationItems;
        this.auditTrail = auditTrail;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${tierzero.sync.reconcile-interval:PT1H}", fixedDelayString = "${tierzero.sync.reconcile-interval:PT1H}")
    public void reconcileAll() {
        for (Connection connection : connections.all()) {
            try {
                DriftReport report = reconcile(connection);
                if (!report.drifts().isEmpty()) {
                    log.info("{}: reconciliation repaired {} drifts", connection, report.drifts().size());
                }
            } catch (RuntimeException failed) {
                log.warn("{}: reconciliation failed: {}", connection, failed.toString());
            }
        }
    }

    public DriftReport reconcile(Connection connection) {
        UUID runId = UUID.randomUUID();
        Instant startedAt = Instant.now(clock);
        TicketSystemConnector connector = connections.connectorFor(connection);
        List<Drift> drifts = new ArrayList<>();
        Set<String> linkedExternalIds = new HashSet<>();
        List<SyncLink> linked = links.all(connection.tenantId(), connection.id());
        for (SyncLink link : linked) {
            linkedExternalIds.add(link.externalId());
            if (outbox.hasPending(connection.tenantId(), connection.id(), link.ticketId())) {
                continue;
            }
            Optional<ExternalTicket> external = connector.fetch(connection, link.externalId());
            if (external.isEmpty()) {
                drifts.add(recreate(runId, connection, link));
            } else {
                drifts.addAll(compare(runId, connection, connector, link, external.get()));
            }
        }
        List<ExternalTicket> inScope = connector.changedSince(connection, Instant.EPOCH);
        for (ExternalTicket external : inScope) {
            if (!linkedExternalIds.contains(external.externalId())
                    && links.ofExternal(connection.tenantId(), connection.id(), external.externalId()).isEmpty()) {
                drifts.add(importMissing(runId, connection, external));
            }
        }
        connections.cmdbConnectorFor(connection).ifPresent(cmdb -> configurationItems.reconcile(runId, connection, cmdb)
                .forEach(drift -> drifts.add(record(connection, drift))));
        driftLog.reconciled(connection.tenantId(), connection.id(), Instant.now(clock));
        return new DriftReport(runId, connection.tenantId(), connection.id(), startedAt, Instant.now(clock),
                linked.size(), inScope.size(), drifts);
    }

    private Drift recreate(UUID runId, Connection connection, SyncLink link) {
        links.delete(link);
        outbox.addRepair(connection.tenantId(), connection.id(), link.ticketId(), OutboundUpdate.Kind.CREATE);
        return record(connection, new Drift(runId, connection.id(), link.ticketId(), null, link.externalId(), Drift.Kind.MISSING_EXTERNAL,
                null, null, null, "created again from TierZero's ticket", null));
    }

    private Drift importMissing(UUID runId, Connection connection, ExternalTicket external) {
        inbound.received(connection, external);
        UUID ticketId = links.ofExternal(connection.tenantId(), connection.id(), external.externalId())
                .map(SyncLink::ticketId).orElse(null);
        return record(connection, new Drift(runId, connection.id(), ticketId, null, external.externalId(), Drift.Kind.MISSING_IN_TIERZERO,
                null, null, null, ticketId == null ? "not imported" : "imported as a TierZero request", null));
    }

    private List<Drift> compare(UUID runId, Connection connection, TicketSystemConnector connector, SyncLink link,
                                ExternalTicket external) {
        Ticket ticket = tickets.get(link.ticketId());
        Map<TicketField, String> ours = SyncedFields.of(SyncedFields.snapshot(ticket));
        Map<TicketField, String> theirs = SyncedFields.of(external, ticket.state().value(), connector, connection);
        List<Drift> drifts = new ArrayList<>();
        boolean pushOurs = false;
        boolean takeTheirs = false;
        for (Map.Entry<TicketField, String> their : theirs.entrySet()) {
            TicketField field = their.getKey();
            String agreed = link.syncedValues().get(field);
            if (Objects.equals(their.getValue(), ours.get(field))) {
                continue;
            }
            boolean weChanged = !Objects.equals(ours.get(field), agreed);
            boolean theyChanged = !Objects.equals(their.getValue(), agreed);
            Side winner = field == TicketField.STATE ? Side.TIERZERO
                    : weChanged && theyChanged ? WhoWins.of(connection, field, ticket.updatedAt(), external.updatedAt())
                    : theyChanged ? Side.EXTERNAL : Side.TIERZERO;
            pushOurs |= winner == Side.TIERZERO;
            takeTheirs |= winner == Side.EXTERNAL;
            String rule = field == TicketField.STATE ? "the lifecycle owns the state"
                    : weChanged && theyChanged ? WhoWins.rule(connection, field) : "only one side changed it";
            drifts.add(record(connection, new Drift(runId, connection.id(), ticket.ticketId(), null, external.externalId(),
                    weChanged && theyChanged ? Drift.Kind.CONFLICT : Drift.Kind.FIELD_DIFFERS, field.value(),
                    ours.get(field), their.getValue(),
                    (winner == Side.TIERZERO ? "TierZero's value written to " + connection.id() : "value from " + connection.id()
                            + " taken into TierZero") + " (" + rule + ")", null)));
        }
        if (takeTheirs) {
            inbound.received(connection, external);
        }
        if (pushOurs) {
            if (!takeTheirs) {
                links.save(new SyncLink(link.tenantId(), link.connectionId(), link.ticketId(), external.externalId(),
                        external.version(), external.updatedAt(), theirs.isEmpty() ? link.syncedValues() : agreedWith(link, theirs)));
            }
            outbox.addRepair(connection.tenantId(), connection.id(), ticket.ticketId(), OutboundUpdate.Kind.UPDATE);
        }
        return drifts;
    }

    /** What the system holds now is what was last agreed: TierZero's differing values are then sent as its changes. */
    private static Map<TicketField, String> agreedWith(SyncLink link, Map<TicketField, String> theirs) {
        var agreed = new EnumMap<TicketField, String>(TicketField.class);
        agreed.putAll(link.syncedValues());
        agreed.putAll(theirs);
        return agreed;
    }

    private static Map<String, Object> driftPayload(Drift drift) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("connection", drift.connectionId());
        payload.put("kind", drift.kind().value());
        if (drift.configurationItem() != null) {
            payload.put("configurationItem", drift.configurationItem());
        }
        payload.put("externalId", String.valueOf(drift.externalId()));
        if (drift.field() != null) {
            payload.put("field", drift.field());
            payload.put("tierZeroValue", String.valueOf(drift.tierZeroValue()));
            payload.put("externalValue", String.valueOf(drift.externalValue()));
        }
        return payload;
    }

    private Drift record(Connection connection, Drift drift) {
        Instant foundAt = Instant.now(clock);
        driftLog.add(connection.tenantId(), drift, foundAt);
        if (drift.ticketId() == null) {
            transaction.executeWithoutResult(status -> auditTrail.append(new AuditEntry(connection.tenantId(), null,
                    "sync.drift-repaired", null, null, RECONCILIATION, drift.repair(), null, null, null, driftPayload(drift))));
        } else {
            var change = lifecycle.change(drift.ticketId(), "sync.drift-repaired")
                    .by(RECONCILIATION)
                    .because(drift.repair())
                    .once("sync:drift:" + drift.runId() + ":" + drift.externalId() + ":" + drift.kind().value() + ":" + drift.field());
            driftPayload(drift).forEach(change::note);
            change.apply();
        }
        return new Drift(drift.runId(), drift.connectionId(), drift.ticketId(), drift.configurationItem(), drift.externalId(), drift.kind(),
                drift.field(), drift.tierZeroValue(), drift.externalValue(), drift.repair(), foundAt);
    }
}
