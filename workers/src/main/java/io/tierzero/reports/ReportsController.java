package io.tierzero.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.audit.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.math.BigDecimal;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's KPIs and ROI for a period, and the cost inputs of the ROI. */
@RestController
@RequestMapping("/api/tenants/{tenant}/reports")
public class ReportsController {

    private static final String PERIOD = "from (inclusive), to (exclusive): ISO-8601 instants or dates (UTC); "
            + "default the 30 days up to now, at most 366 days";

    private final KpiReports kpis;
    private final RoiReports roi;
    private final RoiInputsStore roiInputs;
    private final Clock clock;

    public ReportsController(KpiReports kpis, RoiReports roi, RoiInputsStore roiInputs, Clock clock) {
        this.kpis = kpis;
        this.roi = roi;
        this.roiInputs = roiInputs;
        this.clock = clock;
    }

    @GetMapping("/kpis")
    @Operation(summary = "Volume, automation rate, first response, MTTR, SLA attainment, escalation, ping-pong "
            + "and model accuracy for a period", description = PERIOD)
    public KpiReport kpis(@PathVariable String tenant, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return kpis.report(tenant, ReportWindow.of(from, to, clock));
    }

    @GetMapping("/roi")
    @Operation(summary = "Monthly savings from the period's measured volume, automation, escalation and handling "
            + "time and the tenant's cost inputs; each variable says whether it is measured or an input",
            description = PERIOD)
    public RoiReport roi(@PathVariable String tenant, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return roi.report(tenant, ReportWindow.of(from, to, clock));
    }

    @GetMapping("/roi-inputs")
    @Operation(summary = "The tenant's ROI cost inputs (the defaults until changed)")
    public RoiInputs roiInputs(@PathVariable String tenant) {
        return roiInputs.of(tenant);
    }

    @PutMapping("/roi-inputs")
    @Operation(summary = "Changes the tenant's ROI cost inputs; audited")
    public RoiInputs changeRoiInputs(@PathVariable String tenant, @Valid @RequestBody RoiInputsChange change,
            Principal executive) {
        roiInputs.of(tenant);
        return roiInputs.change(tenant, new RoiInputs(change.hourlyCost(), change.handlingMinutes(),
                        change.costPerAutomatedTicket(), change.currency(), null, null),
                Actor.human(executive.getName()), change.reason());
    }

    public record RoiInputsChange(
            @NotNull @Positive @DecimalMax("1000000") BigDecimal hourlyCost,
            @NotNull @Positive @DecimalMax("100000") BigDecimal handlingMinutes,
            @NotNull @PositiveOrZero @DecimalMax("1000000") BigDecimal costPerAutomatedTicket,
            @NotBlank String currency,
            @NotBlank @Size(max = 2000) String reason) {
    }
}
