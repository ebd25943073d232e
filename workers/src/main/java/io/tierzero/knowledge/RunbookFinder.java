package io.tierzero.knowledge;

import io.tierzero.knowledge.retrieval.HybridRunbookSearch;
import io.tierzero.knowledge.retrieval.KnowledgeRetrieval;
import io.tierzero.knowledge.retrieval.RetrievedRunbook;
import io.tierzero.knowledge.retrieval.SimilarTicket;
import io.tierzero.ticket.ProcessStep;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketRepository;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Finds the runbook for a ticket from two sources: the triage model's runbook prediction and hybrid retrieval
 * over the runbook index. They are combined so that automation needs both to agree:
 * <ul>
 * <li>both name the same runbook: that runbook, with the higher of the two confidences;</li>
 * <li>they differ: the more confident one's runbook (none when that is the model's "none"), with the
 *     <em>lower</em> confidence;</li>
 * <li>only the model answers (OpenSearch or the index missing): the model's runbook and confidence, and the
 *     ticket's event says retrieval was missing;</li>
 * <li>only retrieval answers (the model has no runbook head): retrieval's runbook, with its confidence capped at
 *     {@value #RETRIEVAL_ALONE_MAX}: a rank-fusion score is relative, not calibrated, so on its own it may suggest
 *     a runbook to an agent but never automate.</li>
 * </ul>
 * Without a runbook the confidence is 0.
 */
@Service
public class RunbookFinder {

    static final String NO_RUNBOOK = "none";
    private static final int TOP = 3;
    static final double RETRIEVAL_ALONE_MAX = 0.5;

    private final TicketLifecycle lifecycle;
    private final TicketRepository tickets;
    private final HybridRunbookSearch search;
    private final KnowledgeRetrieval retrieval;

    public RunbookFinder(TicketLifecycle lifecycle, TicketRepository tickets, HybridRunbookSearch search,
            KnowledgeRetrieval retrieval) {
        this.lifecycle = lifecycle;
        this.tickets = tickets;
        this.search = search;
        this.retrieval = retrieval;
    }

    /** {@code predicted} is null when triage had no model with a runbook head. */
    public RunbookSuggestion find(UUID ticketId, ProcessStep step, PredictedRunbook predicted) {
        Ticket ticket = tickets.get(ticketId);
        Retrieval retrieval = retrieve(ticket);
        RunbookSuggestion suggestion = combine(predicted, retrieval.results()).with(retrieval.similarTickets());
        String reason = retrieval.unavailable() == null
                ? suggestion.basis()
                : suggestion.basis() + "; retrieval unavailable: " + retrieval.unavailable();
        lifecycle.change(ticketId, "knowledge.runbooks-searched")
                .during(step)
                .because(reason)
                .set("runbook_id", NO_RUNBOOK.equals(suggestion.runbookId()) ? null : suggestion.runbookId())
                .note("runbookId", suggestion.runbookId())
                .note("confidence", suggestion.confidence())
                .note("candidates", suggestion.candidates())
                .note("predictedRunbookId", predicted == null ? null : predicted.runbookId())
                .note("retrievedRunbookIds", retrieval.results().stream().map(RetrievedRunbook::runbookId).toList())
                .note("similarTicketIds", retrieval.similarTickets().stream().map(SimilarTicket::ticketId).toList())
                .apply();
        return suggestion;
    }

    static RunbookSuggestion combine(PredictedRunbook predicted, List<RetrievedRunbook> retrieved) {
        RetrievedRunbook top = retrieved.isEmpty() ? null : retrieved.getFirst();
        List<String> candidates = candidates(predicted, retrieved);
        if (predicted == null && top == null) {
            return new RunbookSuggestion(null, 0.0, candidates, "No model prediction and no retrieval result");
        }
        if (top == null) {
            return suggestion(predicted.runbookId(), predicted.confidence(), candidates,
                    text("From the model only: %s (%.2f)", predicted.runbookId(), predicted.confidence()));
        }
        if (predicted == null) {
            return suggestion(top.runbookId(), Math.min(top.confidence(), RETRIEVAL_ALONE_MAX), candidates,
                    text("From retrieval only: %s (%.2f, counted as at most %.2f)", top.runbookId(), top.confidence(),
                            RETRIEVAL_ALONE_MAX));
        }
        if (top.runbookId().equals(predicted.runbookId())) {
            return suggestion(top.runbookId(), Math.max(predicted.confidence(), top.confidence()), candidates,
                    text("Model (%.2f) and retrieval (%.2f) agree on %s", predicted.confidence(), top.confidence(),
                            top.runbookId()));
        }
        String moreConfident = predicted.confidence() >= top.confidence() ? predicted.runbookId() : top.runbookId();
        return suggestion(moreConfident, Math.min(predicted.confidence(), top.confidence()), candidates,
                text("Model (%s, %.2f) and retrieval (%s, %.2f) disagree: the lower confidence counts",
                        predicted.runbookId(), predicted.confidence(), top.runbookId(), top.confidence()));
    }

    private static RunbookSuggestion suggestion(String runbookId, double confidence, List<String> candidates,
            String basis) {
        if (runbookId == null || NO_RUNBOOK.equals(runbookId)) {
            return new RunbookSuggestion(null, 0.0, candidates, basis);
        }
        return new RunbookSuggestion(runbookId, confidence, candidates, basis);
    }

    private static String text(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }

    private static List<String> candidates(PredictedRunbook predicted, List<RetrievedRunbook> retrieved) {
        Set<String> candidates = new LinkedHashSet<>();
        if (predicted != null) {
            predicted.candidates().stream().filter(id -> !NO_RUNBOOK.equals(id)).forEach(candidates::add);
        }
        retrieved.forEach(runbook -> candidates.add(runbook.runbookId()));
        return List.copyOf(candidates);
    }

    private Retrieval retrieve(Ticket ticket) {
        try {
            if (!search.isIndexed()) {
                return new Retrieval(List.of(), List.of(),
                        "the runbook index does not exist (./tierzero reindex builds it)");
            }
            KnowledgeRetrieval.Retrieved found = retrieval.retrieve(ticket.tenantId(),
                    ticket.subject() + "\n" + ticket.body(), TOP);
            return new Retrieval(found.runbooks(), found.similarTickets(), null);
        } catch (IOException | RuntimeException e) {
            return new Retrieval(List.of(), List.of(), text("OpenSearch did not answer (%s)", e));
        }
    }

    private record Retrieval(List<RetrievedRunbook> results, List<SimilarTicket> similarTickets, String unavailable) {
    }
}
