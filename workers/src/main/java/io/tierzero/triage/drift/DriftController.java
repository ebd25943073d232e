package io.tierzero.triage.drift;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How the triage model does on tickets whose outcome is known: drift against validation, and shadow runs. */
@RestController
@RequestMapping("/api/models")
public class DriftController {

    private final DriftMonitor monitor;
    private final ShadowComparison shadowComparison;

    public DriftController(DriftMonitor monitor, ShadowComparison shadowComparison) {
        this.monitor = monitor;
        this.shadowComparison = shadowComparison;
    }

    @GetMapping("/drift")
    @Operation(summary = "Accuracy on confirmed outcomes per period and model version, against validation accuracy",
            description = "tenant: one tenant (default all); period: day or week (default week)")
    public DriftReport drift(@RequestParam(required = false) String tenant,
            @RequestParam(defaultValue = "week") String period) {
        return monitor.report(tenant, ReportPeriod.of(period));
    }

    @PostMapping("/drift/check")
    @Operation(summary = "Runs the drift check now: raises triage.drift-detected events, returns the drifting models")
    public List<DriftAlert> check(@RequestParam(defaultValue = "week") String period) {
        return monitor.check(ReportPeriod.of(period));
    }

    @GetMapping("/shadow-report")
    @Operation(summary = "Predictions of tenants in shadow mode compared with what humans did, per period",
            description = "tenant: one tenant (default all); period: day or week (default week)")
    public ShadowReport shadowReport(@RequestParam(required = false) String tenant,
            @RequestParam(defaultValue = "week") String period) {
        return shadowComparison.report(tenant, ReportPeriod.of(period));
    }
}
