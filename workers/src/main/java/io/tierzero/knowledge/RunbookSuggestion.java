package io.tierzero.knowledge;

import java.util.List;

/** The runbook retrieval found for a ticket (none when no knowledge index exists), with its confidence. */
public record RunbookSuggestion(String runbookId, double confidence, List<String> candidates) {

    static RunbookSuggestion none() {
        return new RunbookSuggestion(null, 0.0, List.of());
    }
}
