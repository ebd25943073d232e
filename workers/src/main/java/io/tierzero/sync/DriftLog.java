package io.tierzero.sync;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The drift reconciliation found and repaired, per tenant and connection. */
@Repository
public class DriftLog {

    private final JdbcClient jdbc;

    public DriftLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String tenantId, Drift drift, Instant foundAt) {
        jdbc.sql("""
                        insert into sync_drift (tenant_id, connection_id, run_id, ticket_id, ci_id, external_id, kind, field,
                                                tierzero_value, external_value, repair, found_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, drift.connectionId(), drift.runId(), drift.ticketId(), drift.configurationItem(), drift.externalId(),
                        drift.kind().value(), drift.field(), drift.tierZeroValue(), drift.externalValue(), drift.repair(),
                        Timestamp.from(foundAt))
                .update();
    }

    void reconciled(String tenantId, String connectionId, Instant at) {
        jdbc.sql("""
                        insert into sync_cursors (tenant_id, connection_id, last_reconciled_at) values (?, ?, ?)
                        on conflict (tenant_id, connection_id) do update set last_reconciled_at = excluded.last_reconciled_at""")
                .params(tenantId, connectionId, Timestamp.from(at)).update();
    }

    public List<Drift> recent(String tenantId, String connectionId, int limit) {
        return jdbc.sql("""
                        select * from sync_drift where tenant_id = ? and (cast(? as text) is null or connection_id = ?)
                        order by drift_id desc limit ?""")
                .params(tenantId, connectionId, connectionId, limit)
                .query((rs, n) -> new Drift(rs.getObject("run_id", UUID.class), rs.getString("connection_id"),
                        rs.getObject("ticket_id", UUID.class), rs.getString("ci_id"), rs.getString("external_id"), Drift.Kind.of(rs.getString("kind")),
                        rs.getString("field"), rs.getString("tierzero_value"), rs.getString("external_value"),
                        rs.getString("repair"), rs.getTimestamp("found_at").toInstant()))
                .list();
    }
}
