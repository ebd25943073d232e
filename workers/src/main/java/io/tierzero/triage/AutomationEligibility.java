package io.tierzero.triage;

import java.math.BigDecimal;

/**
 * The automation-eligibility decision (decisions/automation-eligibility.dmn) asked directly, outside a lifecycle:
 * what the product does, or would do, with a prediction. Returns "automate", "assist" or "human".
 */
public interface AutomationEligibility {

    /** {@code runbookId} null when there is no runbook; {@code automationThreshold} null means the DMN's default. */
    String decide(String category, double classificationConfidence, String runbookId, double runbookConfidence,
            BigDecimal automationThreshold);
}
