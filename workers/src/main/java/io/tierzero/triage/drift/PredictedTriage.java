package io.tierzero.triage.drift;

import java.util.List;
import java.util.UUID;

/**
 * One prediction of the triage model for a ticket, as recorded: the group and runbook it predicted with their
 * confidences and top 3, and the automation decision on it ("automate", "assist", "human"): taken when the tenant
 * is active (the lifecycle's runbook retrieval can still change it), only recorded when it runs the model in shadow.
 * {@code predictedRunbook} is null for a model without a runbook head.
 */
public record PredictedTriage(String tenantId, UUID ticketId, String modelVersion, String predictedGroup,
        double groupConfidence, List<String> topGroups, String predictedRunbook, double runbookConfidence,
        List<String> topRunbooks, String automationDecision, boolean shadow) {
}
