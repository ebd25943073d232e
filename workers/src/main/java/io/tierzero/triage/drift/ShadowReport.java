package io.tierzero.triage.drift;

import java.time.LocalDate;
import java.util.List;

/**
 * The parallel run of tenants in shadow mode: per tenant and period, how the model's predictions (not acted on)
 * compare with what humans did. Agreements count predictions whose outcome names a group (or a runbook); the
 * would-be automation precision is the share of tickets the model would have automated whose agent used the
 * runbook the automation would have run, among those whose agent named a runbook. Ratios are null without data.
 */
public record ShadowReport(String period, List<ShadowPeriod> periods) {

    public record ShadowPeriod(String tenantId, LocalDate start, long predictions, long outcomes,
            long groupOutcomes, long groupAgreements, Double groupAgreement,
            long runbookOutcomes, long runbookAgreements, Double runbookAgreement,
            long wouldAutomate, long wouldAutomateWithOutcome, long wouldAutomateSameWay,
            Double wouldAutomatePrecision) {
    }
}
