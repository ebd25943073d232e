package io.tierzero.triage.drift;

import static io.tierzero.triage.drift.DriftMonitor.ratio;

import io.tierzero.tenant.TenantRepository;
import io.tierzero.triage.drift.ShadowReport.ShadowPeriod;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Compares the predictions recorded in shadow mode with what humans did with the same tickets. */
@Service
public class ShadowComparison {

    private final JdbcClient jdbc;
    private final TenantRepository tenants;

    public ShadowComparison(JdbcClient jdbc, TenantRepository tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    /** The comparison of one tenant, or of every tenant when {@code tenantId} is null. */
    public ShadowReport report(String tenantId, ReportPeriod period) {
        if (tenantId != null) {
            tenants.get(tenantId);
        }
        List<ShadowPeriod> periods = jdbc.sql("""
                        select tenant_id, date_trunc(:unit, predicted_at at time zone 'UTC')::date as period_start,
                               count(*) as predictions,
                               count(outcome_source) as outcomes,
                               count(actual_group) as group_outcomes,
                               count(*) filter (where actual_group = predicted_group) as group_agreements,
                               count(*) filter (where predicted_runbook is not null
                                                  and actual_runbook is not null) as runbook_outcomes,
                               count(*) filter (where actual_runbook = predicted_runbook) as runbook_agreements,
                               count(*) filter (where automation_decision = 'automate') as would_automate,
                               count(*) filter (where automation_decision = 'automate'
                                                  and actual_runbook is not null) as would_automate_with_outcome,
                               count(*) filter (where automation_decision = 'automate'
                                                  and actual_runbook = predicted_runbook) as would_automate_same_way
                        from triage_predictions
                        where shadow and (cast(:tenant as text) is null or tenant_id = :tenant)
                        group by tenant_id, period_start
                        order by tenant_id, period_start""")
                .param("unit", period.value()).param("tenant", tenantId)
                .query((rs, row) -> new ShadowPeriod(rs.getString("tenant_id"),
                        rs.getObject("period_start", LocalDate.class), rs.getLong("predictions"),
                        rs.getLong("outcomes"), rs.getLong("group_outcomes"), rs.getLong("group_agreements"),
                        ratio(rs.getLong("group_agreements"), rs.getLong("group_outcomes")),
                        rs.getLong("runbook_outcomes"), rs.getLong("runbook_agreements"),
                        ratio(rs.getLong("runbook_agreements"), rs.getLong("runbook_outcomes")),
                        rs.getLong("would_automate"), rs.getLong("would_automate_with_outcome"),
                        rs.getLong("would_automate_same_way"),
                        ratio(rs.getLong("would_automate_same_way"), rs.getLong("would_automate_with_outcome"))))
                .list();
        return new ShadowReport(period.value(), periods);
    }
}
