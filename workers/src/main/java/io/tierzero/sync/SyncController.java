package io.tierzero.sync;

import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.integration.Connection;
import io.tierzero.integration.Connections;
import io.tierzero.tenant.TenantRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The state of the sync with connected ticket systems: connections, outbound updates and dead letters, drift. */
@RestController
@RequestMapping("/api/tenants/{tenant}/sync")
public class SyncController {

    private static final Set<String> OUTBOX_STATES = Set.of("pending", "sent", "dead");
    private static final int PAGE_SIZE = 200;

    private final TenantRepository tenants;
    private final Connections connections;
    private final SyncOutbox outbox;
    private final Reconciliation reconciliation;
    private final DriftLog driftLog;
    private final JdbcClient jdbc;

    public SyncController(TenantRepository tenants, Connections connections, SyncOutbox outbox,
                          Reconciliation reconciliation, DriftLog driftLog, JdbcClient jdbc) {
        this.tenants = tenants;
        this.connections = connections;
        this.outbox = outbox;
        this.reconciliation = reconciliation;
        this.driftLog = driftLog;
        this.jdbc = jdbc;
    }

    @GetMapping("/connections")
    @Operation(summary = "The tenant's connections to ticket systems and how far each one's sync is")
    public List<ConnectionStatus> connections(@PathVariable String tenant) {
        tenants.get(tenant);
        return connections.of(tenant).stream().map(this::status).toList();
    }

    @PostMapping("/connections/{connection}/reconcile")
    @Operation(summary = "Compares both sides now, repairs the drift by the connection's rules and reports it")
    public DriftReport reconcile(@PathVariable String tenant, @PathVariable String connection) {
        tenants.get(tenant);
        return reconciliation.reconcile(connection(tenant, connection));
    }

    @GetMapping("/drift")
    @Operation(summary = "Drift found by reconciliation, newest first, at most 200; optionally of one connection")
    public List<Drift> drift(@PathVariable String tenant, @RequestParam(required = false) String connection) {
        tenants.get(tenant);
        return driftLog.recent(tenant, connection == null ? null : connection(tenant, connection).id(), PAGE_SIZE);
    }

    @GetMapping("/outbox")
    @Operation(summary = "Outbound updates in a state (pending, sent, dead), newest first, at most 200")
    public List<OutboundUpdate> outbox(@PathVariable String tenant, @RequestParam(defaultValue = "dead") String state) {
        tenants.get(tenant);
        if (!OUTBOX_STATES.contains(state)) {
            throw new SyncRequestException(HttpStatus.BAD_REQUEST, "Unknown outbox state",
                    "state must be one of pending, sent, dead; got " + state);
        }
        return outbox.list(tenant, state, PAGE_SIZE);
    }

    @PostMapping("/outbox/{updateId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Sends a dead outbound update again, with a fresh count of attempts")
    public void retry(@PathVariable String tenant, @PathVariable long updateId) {
        tenants.get(tenant);
        if (!outbox.retry(tenant, updateId)) {
            throw new SyncRequestException(HttpStatus.CONFLICT, "Not a dead letter",
                    "Tenant " + tenant + " has no dead outbound update " + updateId);
        }
    }

    private Connection connection(String tenant, String connection) {
        return connections.find(tenant, connection).orElseThrow(() -> SyncRequestException.unknownConnection(tenant, connection));
    }

    private ConnectionStatus status(Connection connection) {
        return jdbc.sql("""
                        select (select count(*) from sync_links l where l.tenant_id = ? and l.connection_id = ?) as linked,
                               (select poll_watermark from sync_cursors c where c.tenant_id = ? and c.connection_id = ?) as watermark,
                               (select last_event_sequence from sync_cursors c where c.tenant_id = ? and c.connection_id = ?) as relayed,
                               (select count(*) from sync_outbox o where o.tenant_id = ? and o.connection_id = ? and o.state = 'pending') as pending,
                               (select count(*) from sync_outbox o where o.tenant_id = ? and o.connection_id = ? and o.state = 'dead') as dead,
                               (select last_reconciled_at from sync_cursors c where c.tenant_id = ? and c.connection_id = ?) as reconciled""")
                .params(connection.tenantId(), connection.id(), connection.tenantId(), connection.id(), connection.tenantId(),
                        connection.id(), connection.tenantId(), connection.id(), connection.tenantId(), connection.id(),
                        connection.tenantId(), connection.id())
                .query((rs, n) -> new ConnectionStatus(connection.id(), connection.type().value(), connection.baseUrl(),
                        connection.scope(), connection.exportNewTickets(), rs.getLong("linked"), instant(rs.getTimestamp("watermark")),
                        rs.getLong("relayed"), rs.getLong("pending"), rs.getLong("dead"), instant(rs.getTimestamp("reconciled"))))
                .single();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
