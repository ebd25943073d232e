package io.tierzero.reports;

import io.tierzero.reports.KpiReport.Durations;
import io.tierzero.reports.RoiReport.Figure;
import io.tierzero.reports.RoiReport.Savings;
import io.tierzero.reports.RoiReport.Variables;
import java.util.Objects;
import org.springframework.stereotype.Service;

/** Fills the ROI model's variables from what was measured in a period, and the rest from the tenant's inputs. */
@Service
public class RoiReports {

    private final KpiRepository kpis;
    private final RoiInputsStore inputs;

    public RoiReports(KpiRepository kpis, RoiInputsStore inputs) {
        this.kpis = kpis;
        this.inputs = inputs;
    }

    public RoiReport report(String tenantId, ReportWindow window) {
        RoiInputs costs = inputs.of(tenantId);
        double monthlyVolume = kpis.volume(tenantId, window).created() * window.monthsPerPeriod();
        // a period without resolutions or tickets has measured no automation and no escalation
        double automationRate = Objects.requireNonNullElse(kpis.automation(tenantId, window).rate(), 0.0);
        double escalationRate = Objects.requireNonNullElse(kpis.escalation(tenantId, window).rate(), 0.0);
        Durations handling = kpis.humanHandling(tenantId, window);
        Figure handlingMinutes = handling.count() > 0 ? Figure.measured(handling.meanSeconds() / 60)
                : Figure.input(costs.handlingMinutes().doubleValue());
        double hourlyCost = costs.hourlyCost().doubleValue();
        double costPerAutomatedTicket = costs.costPerAutomatedTicket().doubleValue();

        double engineerHoursPerTicket = handlingMinutes.value() / 60;
        double without = monthlyVolume * engineerHoursPerTicket * hourlyCost;
        double with = monthlyVolume * (1 - automationRate) * engineerHoursPerTicket * hourlyCost
                + monthlyVolume * automationRate * costPerAutomatedTicket;
        Savings savings = new Savings(monthlyVolume * automationRate * engineerHoursPerTicket, without - with,
                without, with);
        return new RoiReport(tenantId, window.from(), window.to(), costs.currency(),
                new Variables(Figure.measured(monthlyVolume), Figure.measured(automationRate),
                        Figure.measured(escalationRate), handlingMinutes, Figure.input(hourlyCost),
                        Figure.input(costPerAutomatedTicket)), savings);
    }
}
