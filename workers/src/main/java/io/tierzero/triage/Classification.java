package io.tierzero.triage;

import java.util.List;

/**
 * What triage concluded about a ticket. {@code confidence} is the model's confidence in the assignment group it
 * suggests (0 when no model is active or the ticket has no words); {@code runbookId} is the model's runbook
 * ("none" when it sees none, null when no model with a runbook head is active), with its confidence and the
 * three most likely runbooks. {@code model} is the registry version of the model, or "none".
 */
public record Classification(String category, double confidence, String impact, String urgency, String model,
        String suggestedGroup, String runbookId, double runbookConfidence, List<String> runbooks) {
}
