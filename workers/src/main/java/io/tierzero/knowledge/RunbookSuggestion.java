package io.tierzero.knowledge;

import io.tierzero.knowledge.retrieval.SimilarTicket;
import java.util.List;

/**
 * The runbook found for a ticket (null when none), the confidence in it, the candidates an agent may look at,
 * on what the suggestion rests, and resolved tickets like this one.
 */
public record RunbookSuggestion(String runbookId, double confidence, List<String> candidates, String basis,
        List<SimilarTicket> similarTickets) {

    public RunbookSuggestion(String runbookId, double confidence, List<String> candidates, String basis) {
        this(runbookId, confidence, candidates, basis, List.of());
    }

    RunbookSuggestion with(List<SimilarTicket> similar) {
        return new RunbookSuggestion(runbookId, confidence, candidates, basis, List.copyOf(similar));
    }
}
