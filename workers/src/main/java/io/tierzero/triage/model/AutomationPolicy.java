package io.tierzero.triage.model;

/**
 * When the product would act on a ticket without a human: only when the model has a runbook head, the predicted
 * runbook is not {@code none}, and both the label (group/category) confidence and the runbook confidence reach
 * their thresholds (default 0.80 each, on calibrated probabilities).
 */
public record AutomationPolicy(double minLabelConfidence, double minRunbookConfidence) {
    public static final AutomationPolicy DEFAULT = new AutomationPolicy(0.80, 0.80);

    public boolean automate(double labelConfidence, String runbook, double runbookConfidence) {
        return runbook != null && !TriageModel.NO_RUNBOOK.equals(runbook)
                && labelConfidence >= minLabelConfidence && runbookConfidence >= minRunbookConfidence;
    }
}
