package io.tierzero.tenant;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A client of the MSP: its service tier drives SLA targets, its policies drive automation and closure, its triage
 * mode whether the triage model's predictions are acted on.
 */
public record Tenant(
        String tenantId,
        String name,
        String serviceTier,
        String region,
        String timeZone,
        BigDecimal automationThreshold,
        Duration confirmationPeriod,
        Duration customerResponsePeriod,
        TriageMode triageMode) {
}
