package io.tierzero.tenant;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TenantRepository {

    private static final RowMapper<Tenant> ROW_MAPPER = (rs, n) -> new Tenant(
            rs.getString("tenant_id"), rs.getString("name"), rs.getString("service_tier"), rs.getString("region"),
            rs.getString("time_zone"), rs.getBigDecimal("automation_threshold"),
            Duration.ofSeconds(rs.getLong("confirmation_seconds")),
            Duration.ofSeconds(rs.getLong("customer_response_seconds")), TriageMode.of(rs.getString("triage_mode")));

    private final JdbcClient jdbc;

    public TenantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Tenant> find(String tenantId) {
        return jdbc.sql("""
                        select *, extract(epoch from confirmation_period)::bigint as confirmation_seconds,
                               extract(epoch from customer_response_period)::bigint as customer_response_seconds
                        from tenants where tenant_id = ?""")
                .param(tenantId).query(ROW_MAPPER).optional();
    }

    public List<String> ids() {
        return jdbc.sql("select tenant_id from tenants order by tenant_id").query(String.class).list();
    }

    public Tenant get(String tenantId) {
        return find(tenantId).orElseThrow(() -> new UnknownTenantException(tenantId));
    }

    /** Hands out the next human-readable reference number of the tenant, e.g. DEMO-000042. */
    public String nextReferenceNumber(String tenantId) {
        long number = jdbc.sql("update tenants set next_ticket_number = next_ticket_number + 1 where tenant_id = ? returning next_ticket_number - 1")
                .param(tenantId).query(Long.class).single();
        return "%s-%06d".formatted(tenantId.toUpperCase(), number);
    }
}
