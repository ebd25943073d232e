package io.tierzero.knowledge;

import io.tierzero.ticket.ProcessStep;
import io.tierzero.ticket.TicketLifecycle;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Finds the runbooks for a ticket. Until the runbook index exists (the Intelligence issue) there is nothing to
 * retrieve, and it says so rather than inventing a suggestion.
 */
@Service
public class RunbookFinder {

    private final TicketLifecycle lifecycle;

    public RunbookFinder(TicketLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public RunbookSuggestion find(UUID ticketId, ProcessStep step) {
        RunbookSuggestion suggestion = RunbookSuggestion.none();
        lifecycle.change(ticketId, "knowledge.runbooks-searched")
                .during(step)
                .because("No runbook index is available: no suggestion")
                .note("runbookId", suggestion.runbookId())
                .note("confidence", suggestion.confidence())
                .apply();
        return suggestion;
    }
}
