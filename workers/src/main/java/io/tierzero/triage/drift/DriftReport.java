package io.tierzero.triage.drift;

import java.time.LocalDate;
import java.util.List;

/**
 * Accuracy of the triage model's group predictions on tickets whose outcome is known, per period and model
 * version, against the model's validation accuracy (the registry metric {@code validationMetric}). A model drifts
 * when, over its latest period with at least {@code minimumOutcomes} outcomes, its accuracy is more than
 * {@code tolerancePoints} percentage points below its validation accuracy.
 */
public record DriftReport(String period, String validationMetric, double tolerancePoints, int minimumOutcomes,
        List<ModelDrift> models) {

    /** One tenant's predictions of one model version. {@code validationAccuracy} is null when the model has none. */
    public record ModelDrift(String tenantId, String modelVersion, Double validationAccuracy,
            List<PeriodAccuracy> periods, boolean drifting) {

        public PeriodAccuracy latest() {
            return periods.getLast();
        }
    }

    /**
     * Predictions made in the period starting {@code start}; {@code outcomes} of them have a known group, of which
     * {@code correct} were predicted right. The runbook figures count predictions with a runbook whose agent named
     * the runbook used. Accuracies are null without outcomes.
     */
    public record PeriodAccuracy(LocalDate start, long predictions, long outcomes, long correct, Double accuracy,
            long runbookOutcomes, long runbookCorrect, Double runbookAccuracy) {
    }
}
