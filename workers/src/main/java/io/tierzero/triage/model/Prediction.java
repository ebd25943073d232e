package io.tierzero.triage.model;

import java.util.List;

/**
 * What the model says about one ticket. The runbook fields are null/empty when the model has no runbook head.
 * {@code automate} follows {@link AutomationPolicy#DEFAULT}.
 */
public record Prediction(String label, double labelConfidence, List<String> topLabels, String runbook,
        double runbookConfidence, List<String> runbooksTop3, boolean automate) {
}
