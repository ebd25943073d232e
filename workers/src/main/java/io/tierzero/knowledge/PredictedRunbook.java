package io.tierzero.knowledge;

import java.util.List;

/** The runbook the triage model predicted ("none" when it sees none), its confidence and its top runbooks. */
public record PredictedRunbook(String runbookId, double confidence, List<String> candidates) {
}
