package io.tierzero.reports;

import io.tierzero.audit.Actor;
import io.tierzero.audit.AuditEntry;
import io.tierzero.audit.AuditTrail;
import io.tierzero.tenant.TenantRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The tenants' ROI inputs; every change is in the tenant's audit trail with the values before and after. */
@Repository
public class RoiInputsStore {

    public static final String CHANGED_ACTION = "reports.roi-inputs-changed";

    private final JdbcClient jdbc;
    private final TenantRepository tenants;
    private final AuditTrail auditTrail;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public RoiInputsStore(JdbcClient jdbc, TenantRepository tenants, AuditTrail auditTrail,
            TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.auditTrail = auditTrail;
        this.transaction = transaction;
        this.clock = clock;
    }

    public RoiInputs of(String tenantId) {
        tenants.get(tenantId);
        return jdbc.sql("select * from report_roi_inputs where tenant_id = ?").param(tenantId)
                .query((rs, n) -> new RoiInputs(rs.getBigDecimal("hourly_cost"), rs.getBigDecimal("handling_minutes"),
                        rs.getBigDecimal("cost_per_automated_ticket"), rs.getString("currency"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
                .optional().orElse(RoiInputs.DEFAULTS);
    }

    public RoiInputs change(String tenantId, RoiInputs inputs, Actor actor, String reason) {
        if (Currency.getAvailableCurrencies().stream().noneMatch(c -> c.getCurrencyCode().equals(inputs.currency()))) {
            throw new InvalidReportQueryException("'" + inputs.currency() + "' is not an ISO 4217 currency code.");
        }
        return transaction.execute(status -> {
            RoiInputs before = of(tenantId);
            jdbc.sql("""
                            insert into report_roi_inputs (tenant_id, hourly_cost, handling_minutes,
                                cost_per_automated_ticket, currency, updated_at, updated_by)
                            values (?, ?, ?, ?, ?, ?, ?)
                            on conflict (tenant_id) do update set hourly_cost = excluded.hourly_cost,
                                handling_minutes = excluded.handling_minutes,
                                cost_per_automated_ticket = excluded.cost_per_automated_ticket,
                                currency = excluded.currency, updated_at = excluded.updated_at,
                                updated_by = excluded.updated_by""")
                    .params(tenantId, inputs.hourlyCost(), inputs.handlingMinutes(), inputs.costPerAutomatedTicket(),
                            inputs.currency(), Timestamp.from(Instant.now(clock)), actor.id())
                    .update();
            RoiInputs after = of(tenantId);
            auditTrail.append(new AuditEntry(tenantId, null, CHANGED_ACTION, null, null, actor, reason, null, null,
                    null, Map.of("before", values(before), "after", values(after))));
            return after;
        });
    }

    private static Map<String, Object> values(RoiInputs inputs) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("hourlyCost", inputs.hourlyCost().toPlainString());
        values.put("handlingMinutes", inputs.handlingMinutes().toPlainString());
        values.put("costPerAutomatedTicket", inputs.costPerAutomatedTicket().toPlainString());
        values.put("currency", inputs.currency());
        return values;
    }
}
