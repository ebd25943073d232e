package io.tierzero.reports;

import io.tierzero.reports.KpiReport.ModelAccuracy;
import io.tierzero.reports.KpiReport.ModelVersionAccuracy;
import io.tierzero.tenant.TenantRepository;
import io.tierzero.triage.drift.DriftMonitor;
import io.tierzero.triage.drift.DriftReport;
import io.tierzero.triage.drift.DriftReport.PeriodAccuracy;
import io.tierzero.triage.drift.ReportPeriod;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Service;

/** Puts a tenant's KPI report together; the figures come from {@link KpiRepository} and the drift report. */
@Service
public class KpiReports {

    private final TenantRepository tenants;
    private final KpiRepository kpis;
    private final DriftMonitor driftMonitor;

    public KpiReports(TenantRepository tenants, KpiRepository kpis, DriftMonitor driftMonitor) {
        this.tenants = tenants;
        this.kpis = kpis;
        this.driftMonitor = driftMonitor;
    }

    public KpiReport report(String tenantId, ReportWindow window) {
        tenants.get(tenantId);
        return new KpiReport(tenantId, window.from(), window.to(), kpis.volume(tenantId, window),
                kpis.automation(tenantId, window), kpis.firstResponse(tenantId, window),
                kpis.resolutionTimes(tenantId, window), kpis.slaAttainment(tenantId, window),
                kpis.escalation(tenantId, window), kpis.reassignment(tenantId, window),
                modelAccuracy(tenantId, window));
    }

    /**
     * The drift report's daily figures (predictions grouped by the UTC day they were made) summed over the days
     * the period touches, so that this accuracy and {@code ./tierzero models drift} never disagree.
     */
    private ModelAccuracy modelAccuracy(String tenantId, ReportWindow window) {
        LocalDate firstDay = LocalDate.ofInstant(window.from(), ZoneOffset.UTC);
        LocalDate lastDay = LocalDate.ofInstant(window.to().minusNanos(1), ZoneOffset.UTC);
        DriftReport drift = driftMonitor.report(tenantId, ReportPeriod.DAY);
        List<ModelVersionAccuracy> versions = drift.models().stream().map(model -> {
            List<PeriodAccuracy> days = model.periods().stream()
                    .filter(day -> !day.start().isBefore(firstDay) && !day.start().isAfter(lastDay)).toList();
            long outcomes = days.stream().mapToLong(PeriodAccuracy::outcomes).sum();
            long correct = days.stream().mapToLong(PeriodAccuracy::correct).sum();
            return new ModelVersionAccuracy(model.modelVersion(), model.validationAccuracy(),
                    days.stream().mapToLong(PeriodAccuracy::predictions).sum(), outcomes, correct,
                    KpiRepository.ratio(correct, outcomes));
        }).filter(version -> version.predictions() > 0).toList();
        long outcomes = versions.stream().mapToLong(ModelVersionAccuracy::outcomes).sum();
        long correct = versions.stream().mapToLong(ModelVersionAccuracy::correct).sum();
        return new ModelAccuracy(versions.stream().mapToLong(ModelVersionAccuracy::predictions).sum(), outcomes,
                correct, KpiRepository.ratio(correct, outcomes), versions);
    }
}
