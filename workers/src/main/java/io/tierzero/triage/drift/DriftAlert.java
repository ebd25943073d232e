package io.tierzero.triage.drift;

import java.time.LocalDate;

/** A model version whose accuracy in a period fell too far below its validation accuracy, for one tenant. */
public record DriftAlert(String tenantId, String modelVersion, String period, LocalDate periodStart, double accuracy,
        double validationAccuracy, long outcomes) {
}
