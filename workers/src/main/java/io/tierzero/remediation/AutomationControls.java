package io.tierzero.remediation;

import io.tierzero.audit.Actor;
import io.tierzero.audit.AuditEntry;
import io.tierzero.audit.AuditTrail;
import io.tierzero.tenant.UnknownTenantException;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenant's controls over automation: the kill switch (stop every playbook at once) and dry-run mode (playbooks
 * check their inputs and record what they would do, change nothing). Every change is in the tenant's audit trail.
 */
@Service
public class AutomationControls {

    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final TransactionTemplate transaction;

    public AutomationControls(JdbcClient jdbc, AuditTrail auditTrail, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.transaction = transaction;
    }

    public Settings of(String tenantId) {
        return jdbc.sql("select automation_enabled, automation_mode from tenants where tenant_id = ?").param(tenantId)
                .query((rs, n) -> new Settings(rs.getBoolean(1), Mode.of(rs.getString(2))))
                .optional().orElseThrow(() -> new UnknownTenantException(tenantId));
    }

    public Settings change(String tenantId, Settings settings, Actor actor, String reason) {
        return transaction.execute(status -> {
            Settings before = of(tenantId);
            jdbc.sql("update tenants set automation_enabled = ?, automation_mode = ? where tenant_id = ?")
                    .params(settings.enabled(), settings.mode().value(), tenantId).update();
            auditTrail.append(new AuditEntry(tenantId, null, "automation.controls-changed", null, null, actor, reason,
                    null, null, null, Map.of("enabledBefore", before.enabled(), "enabled", settings.enabled(),
                    "modeBefore", before.mode().value(), "mode", settings.mode().value())));
            return settings;
        });
    }

    public record Settings(boolean enabled, Mode mode) {
    }

    public enum Mode {
        LIVE, DRY_RUN;

        public String value() {
            return name().toLowerCase().replace('_', '-');
        }

        public static Mode of(String value) {
            return valueOf(value.toUpperCase().replace('-', '_'));
        }
    }
}
