package io.tierzero.triage;

import io.tierzero.knowledge.runbook.Runbook;
import io.tierzero.knowledge.runbook.RunbookLibrary;
import io.tierzero.ticket.ProcessStep;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketRepository;
import io.tierzero.triage.model.Prediction;
import io.tierzero.triage.model.TriageModel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Classifies a ticket with the active model: the assignment group it suggests, the runbook it predicts and how
 * sure it is of each. The category is the predicted runbook's (from the runbook library) when the model leans to
 * that runbook; otherwise it stays the requester's. Without an active model, or for a ticket with no words, triage is honest: confidence 0,
 * so the automation decision sends the ticket to a human.
 */
@Service
public class Triage {

    static final String UNCLASSIFIED = "unclassified";
    static final String NO_MODEL = "none";
    // the automation decision's floor for suggesting a runbook at all: below it the runbook's category is a guess
    static final double RUNBOOK_CATEGORY_MIN_CONFIDENCE = 0.5;

    private final TicketLifecycle lifecycle;
    private final TicketRepository tickets;
    private final ActiveTriageModel activeModel;
    private final RunbookLibrary runbooks;

    public Triage(TicketLifecycle lifecycle, TicketRepository tickets, ActiveTriageModel activeModel,
            RunbookLibrary runbooks) {
        this.lifecycle = lifecycle;
        this.tickets = tickets;
        this.activeModel = activeModel;
        this.runbooks = runbooks;
    }

    /** The text the model reads: subject and body joined by a newline, as the training text columns are. */
    private static String textOf(Ticket ticket) {
        return ticket.subject() + "\n" + ticket.body();
    }

    public Classification classify(UUID ticketId, ProcessStep step) {
        Ticket ticket = tickets.get(ticketId);
        String requesterCategory = ticket.category() == null || ticket.category().isBlank()
                ? UNCLASSIFIED : ticket.category();
        String text = textOf(ticket);
        Optional<ActiveTriageModel.LoadedModel> model = activeModel.current();
        Classification classification;
        String reason;
        if (model.isEmpty()) {
            classification = unsure(ticket, requesterCategory, NO_MODEL);
            reason = "No classification model is active: the requester's category is kept with confidence 0";
        } else if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            classification = unsure(ticket, requesterCategory, model.get().version());
            reason = "The ticket has no words to classify: the requester's category is kept with confidence 0";
        } else {
            Prediction prediction = model.get().model().predict(text);
            Optional<Runbook> runbook = TriageModel.NO_RUNBOOK.equals(prediction.runbook())
                    || prediction.runbookConfidence() < RUNBOOK_CATEGORY_MIN_CONFIDENCE
                    ? Optional.empty() : runbooks.find(prediction.runbook());
            classification = new Classification(runbook.map(Runbook::category).orElse(requesterCategory),
                    prediction.labelConfidence(), ticket.impact().value(), ticket.urgency().value(),
                    model.get().version(), prediction.label(), prediction.runbook(), prediction.runbookConfidence(),
                    prediction.runbooksTop3());
            reason = String.format(Locale.ROOT, "Model %s suggests group %s (%.2f) and runbook %s (%.2f); category %s",
                    classification.model(), classification.suggestedGroup(), classification.confidence(),
                    classification.runbookId(), classification.runbookConfidence(),
                    runbook.isPresent() ? "of the runbook" : "as requested");
        }
        lifecycle.change(ticketId, "triage.classified")
                .during(step)
                .because(reason)
                .set("category", classification.category())
                .set("category_confidence", BigDecimal.valueOf(classification.confidence()))
                .note("model", classification.model())
                .note("suggestedGroup", classification.suggestedGroup())
                .note("runbookId", classification.runbookId())
                .note("runbookConfidence", classification.runbookConfidence())
                .note("runbooks", classification.runbooks())
                .apply();
        return classification;
    }

    private static Classification unsure(Ticket ticket, String category, String model) {
        return new Classification(category, 0.0, ticket.impact().value(), ticket.urgency().value(), model, null,
                null, 0.0, List.of());
    }
}
