package io.tierzero.triage.drift;

import io.tierzero.audit.Actor;
import io.tierzero.audit.ActorKind;
import io.tierzero.audit.AuditEntry;
import io.tierzero.audit.AuditTrail;
import io.tierzero.tenant.TenantRepository;
import io.tierzero.triage.drift.DriftReport.ModelDrift;
import io.tierzero.triage.drift.DriftReport.PeriodAccuracy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the triage model's accuracy on tickets whose outcome is known (see {@link PredictionLog}) against the
 * accuracy it had on its own validation split when trained ({@value #VALIDATION_METRIC} in the registry's
 * metrics). When a model version falls too far below it over the latest period, a {@value #ALERT_ACTION} event is
 * written to the tenant's audit trail, once per model version and period, and logged. The check runs every
 * {@code tierzero.triage.drift.check-interval} and on demand.
 */
@Service
public class DriftMonitor {

    public static final String VALIDATION_METRIC = "label_calibration_accuracy";
    public static final String ALERT_ACTION = "triage.drift-detected";
    public static final double DEFAULT_TOLERANCE_POINTS = 5;
    static final Actor MONITOR = new Actor(ActorKind.SYSTEM, "tierzero-drift-monitor");

    private static final Logger log = LoggerFactory.getLogger(DriftMonitor.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditTrail auditTrail;
    private final TenantRepository tenants;
    private final int minimumOutcomes;
    private final double tolerancePoints;
    private final ReportPeriod scheduledPeriod;

    public DriftMonitor(JdbcClient jdbc, TransactionTemplate transaction, AuditTrail auditTrail,
            TenantRepository tenants,
            @Value("${tierzero.triage.drift.minimum-outcomes:30}") int minimumOutcomes,
            @Value("${tierzero.triage.drift.tolerance-points:5}") double tolerancePoints,
            @Value("${tierzero.triage.drift.period:week}") String scheduledPeriod) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.auditTrail = auditTrail;
        this.tenants = tenants;
        this.minimumOutcomes = minimumOutcomes;
        this.tolerancePoints = tolerancePoints;
        this.scheduledPeriod = ReportPeriod.of(scheduledPeriod);
    }

    /** The report of one tenant, or of every tenant when {@code tenantId} is null. */
    public DriftReport report(String tenantId, ReportPeriod period) {
        if (tenantId != null) {
            tenants.get(tenantId);
        }
        Map<List<String>, List<PeriodAccuracy>> periods = new LinkedHashMap<>();
        Map<List<String>, Double> validation = new LinkedHashMap<>();
        jdbc.sql("""
                        select p.tenant_id, p.model_version,
                               date_trunc(:unit, p.predicted_at at time zone 'UTC')::date as period_start,
                               count(*) as predictions,
                               count(p.actual_group) as outcomes,
                               count(*) filter (where p.actual_group = p.predicted_group) as correct,
                               count(*) filter (where p.predicted_runbook is not null
                                                  and p.actual_runbook is not null) as runbook_outcomes,
                               count(*) filter (where p.actual_runbook = p.predicted_runbook) as runbook_correct,
                               (m.metrics ->> :metric)::float8 as validation_accuracy
                        from triage_predictions p left join triage_models m on m.version = p.model_version
                        where cast(:tenant as text) is null or p.tenant_id = :tenant
                        group by p.tenant_id, p.model_version, period_start, m.metrics
                        order by p.tenant_id, p.model_version, period_start""")
                .param("unit", period.value()).param("metric", VALIDATION_METRIC).param("tenant", tenantId)
                .query((ResultSet rs) -> {
                    List<String> key = List.of(rs.getString("tenant_id"), rs.getString("model_version"));
                    periods.computeIfAbsent(key, k -> new ArrayList<>()).add(periodAccuracy(rs));
                    validation.put(key, rs.getObject("validation_accuracy", Double.class));
                });
        List<ModelDrift> models = periods.entrySet().stream().map(entry -> {
            Double validationAccuracy = validation.get(entry.getKey());
            List<PeriodAccuracy> accuracies = List.copyOf(entry.getValue());
            return new ModelDrift(entry.getKey().get(0), entry.getKey().get(1), validationAccuracy, accuracies,
                    drifting(validationAccuracy, accuracies.getLast()));
        }).toList();
        return new DriftReport(period.value(), VALIDATION_METRIC, tolerancePoints, minimumOutcomes, models);
    }

    @Scheduled(initialDelayString = "${tierzero.triage.drift.check-interval:PT1H}",
            fixedDelayString = "${tierzero.triage.drift.check-interval:PT1H}")
    public void scheduledCheck() {
        try {
            check(scheduledPeriod);
        } catch (RuntimeException e) {
            log.error("The triage drift check failed; it runs again in one interval", e);
        }
    }

    /**
     * Raises the alert of every model version that drifts in its latest period (once per model version, tenant
     * and period) and returns the drifting ones, those alerted before included.
     */
    public List<DriftAlert> check(ReportPeriod period) {
        List<DriftAlert> alerts = report(null, period).models().stream().filter(ModelDrift::drifting)
                .map(model -> new DriftAlert(model.tenantId(), model.modelVersion(), period.value(),
                        model.latest().start(), model.latest().accuracy(), model.validationAccuracy(),
                        model.latest().outcomes()))
                .toList();
        alerts.forEach(this::raise);
        return alerts;
    }

    private void raise(DriftAlert alert) {
        String key = ALERT_ACTION + "/" + alert.modelVersion() + "/" + alert.period() + "/" + alert.periodStart();
        String reason = String.format(Locale.ROOT,
                "Triage model %s: accuracy %.1f%% on %d confirmed outcomes in the %s of %s, %.1f points below its "
                        + "validation accuracy %.1f%% (%s)",
                alert.modelVersion(), alert.accuracy() * 100, alert.outcomes(), alert.period(), alert.periodStart(),
                (alert.validationAccuracy() - alert.accuracy()) * 100, alert.validationAccuracy() * 100,
                VALIDATION_METRIC);
        boolean raised = Boolean.TRUE.equals(transaction.execute(status -> {
            if (auditTrail.contains(alert.tenantId(), key)) {
                return false;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("modelVersion", alert.modelVersion());
            payload.put("period", alert.period());
            payload.put("periodStart", alert.periodStart().toString());
            payload.put("accuracy", alert.accuracy());
            payload.put("outcomes", alert.outcomes());
            payload.put("validationAccuracy", alert.validationAccuracy());
            payload.put("validationMetric", VALIDATION_METRIC);
            payload.put("tolerancePoints", tolerancePoints);
            auditTrail.append(new AuditEntry(alert.tenantId(), null, ALERT_ACTION, null, null, MONITOR, reason, null,
                    null, key, payload));
            return true;
        }));
        if (raised) {
            log.warn("Drift detected for tenant {}: {}", alert.tenantId(), reason);
        }
    }

    private boolean drifting(Double validationAccuracy, PeriodAccuracy latest) {
        if (validationAccuracy == null || latest.accuracy() == null || latest.outcomes() < minimumOutcomes) {
            return false;
        }
        // in hundredths of a point, so that 1.00 against 0.95 is exactly 5 points and not 5.000000000000004
        long pointsBelow = Math.round((validationAccuracy - latest.accuracy()) * 10_000);
        return pointsBelow > Math.round(tolerancePoints * 100);
    }

    private static PeriodAccuracy periodAccuracy(ResultSet rs) throws SQLException {
        long outcomes = rs.getLong("outcomes");
        long correct = rs.getLong("correct");
        long runbookOutcomes = rs.getLong("runbook_outcomes");
        long runbookCorrect = rs.getLong("runbook_correct");
        return new PeriodAccuracy(rs.getObject("period_start", LocalDate.class), rs.getLong("predictions"),
                outcomes, correct, ratio(correct, outcomes), runbookOutcomes, runbookCorrect,
                ratio(runbookCorrect, runbookOutcomes));
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
