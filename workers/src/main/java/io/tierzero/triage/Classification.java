package io.tierzero.triage;

import java.util.List;

/**
 * What triage concluded about a ticket. {@code confidence} is how sure it is of the category: the runbook's
 * confidence when the model has a runbook head (the category follows the runbook), otherwise the label's; 0 when
 * no model is active or the ticket has no words. {@code suggestedGroup} is the model's assignment group with
 * {@code groupConfidence}; {@code runbookId} is the model's runbook
 * ("none" when it sees none, null when no model with a runbook head is active), with its confidence and the
 * three most likely runbooks. {@code model} is the registry version of the model, or "none".
 */
public record Classification(String category, double confidence, String impact, String urgency, String model,
        String suggestedGroup, double groupConfidence, String runbookId, double runbookConfidence, List<String> runbooks) {
}
