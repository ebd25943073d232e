package io.tierzero.knowledge;

import java.util.List;

/**
 * The runbook found for a ticket (null when none), the confidence in it, the candidates an agent may look at,
 * and on what the suggestion rests.
 */
public record RunbookSuggestion(String runbookId, double confidence, List<String> candidates, String basis) {
}
