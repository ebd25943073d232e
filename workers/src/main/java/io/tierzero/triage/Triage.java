package io.tierzero.triage;

import io.tierzero.knowledge.runbook.Runbook;
import io.tierzero.knowledge.runbook.RunbookLibrary;
import io.tierzero.tenant.Tenant;
import io.tierzero.tenant.TenantRepository;
import io.tierzero.tenant.TriageMode;
import io.tierzero.ticket.ProcessStep;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketRepository;
import io.tierzero.triage.drift.PredictedTriage;
import io.tierzero.triage.drift.PredictionLog;
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
 * that runbook; otherwise it stays the requester's. The classification confidence that the automation decision
 * reads is the runbook's, since the runbook decides what automation would do. Without an active model, or for a ticket with no words, triage is honest: confidence 0,
 * so the automation decision sends the ticket to a human. Every prediction is recorded in the {@link PredictionLog},
 * with the automation decision on it; for a tenant in shadow mode that is all: the ticket keeps the requester's
 * category with confidence 0, so it goes to a human as if no model were active.
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
    private final TenantRepository tenants;
    private final AutomationEligibility automationEligibility;
    private final PredictionLog predictionLog;

    public Triage(TicketLifecycle lifecycle, TicketRepository tickets, ActiveTriageModel activeModel,
            RunbookLibrary runbooks, TenantRepository tenants, AutomationEligibility automationEligibility,
            PredictionLog predictionLog) {
        this.lifecycle = lifecycle;
        this.tickets = tickets;
        this.activeModel = activeModel;
        this.runbooks = runbooks;
        this.tenants = tenants;
        this.automationEligibility = automationEligibility;
        this.predictionLog = predictionLog;
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
        Classification predicted;
        boolean shadow = false;
        String reason;
        if (model.isEmpty()) {
            classification = predicted = unsure(ticket, requesterCategory, NO_MODEL);
            reason = "No classification model is active: the requester's category is kept with confidence 0";
        } else if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            classification = predicted = unsure(ticket, requesterCategory, model.get().version());
            reason = "The ticket has no words to classify: the requester's category is kept with confidence 0";
        } else {
            Prediction prediction = model.get().model().predict(text);
            Optional<Runbook> runbook = TriageModel.NO_RUNBOOK.equals(prediction.runbook())
                    || prediction.runbookConfidence() < RUNBOOK_CATEGORY_MIN_CONFIDENCE
                    ? Optional.empty() : runbooks.find(prediction.runbook());
            double categoryConfidence = prediction.runbook() != null ? prediction.runbookConfidence()
                    : prediction.labelConfidence();
            predicted = new Classification(runbook.map(Runbook::category).orElse(requesterCategory),
                    categoryConfidence, ticket.impact().value(), ticket.urgency().value(), model.get().version(),
                    prediction.label(), prediction.labelConfidence(), prediction.runbook(),
                    prediction.runbookConfidence(), prediction.runbooksTop3());
            Tenant tenant = tenants.get(ticket.tenantId());
            shadow = tenant.triageMode() == TriageMode.SHADOW;
            String decision = record(ticket, tenant, predicted, prediction.topLabels(), shadow);
            String suggestion = String.format(Locale.ROOT, "Model %s suggests group %s (%.2f) and runbook %s (%.2f)",
                    predicted.model(), predicted.suggestedGroup(), predicted.groupConfidence(), predicted.runbookId(),
                    predicted.runbookConfidence());
            if (shadow) {
                classification = unsure(ticket, requesterCategory, predicted.model());
                reason = "Shadow mode, not acted on: " + suggestion + "; the automation decision would be "
                        + decision + "; the requester's category is kept with confidence 0";
            } else {
                classification = predicted;
                reason = suggestion + "; category " + (runbook.isPresent() ? "of the runbook" : "as requested");
            }
        }
        lifecycle.change(ticketId, "triage.classified")
                .during(step)
                .because(reason)
                .set("category", classification.category())
                .set("category_confidence", BigDecimal.valueOf(classification.confidence()))
                .note("model", predicted.model())
                .note("suggestedGroup", predicted.suggestedGroup())
                .note("groupConfidence", predicted.groupConfidence())
                .note("runbookId", predicted.runbookId())
                .note("runbookConfidence", predicted.runbookConfidence())
                .note("runbooks", predicted.runbooks())
                .note("shadow", shadow)
                .apply();
        return classification;
    }

    /** Records the prediction with the automation decision on it, and returns that decision. */
    private String record(Ticket ticket, Tenant tenant, Classification predicted, List<String> topGroups,
            boolean shadow) {
        boolean hasRunbook = predicted.runbookId() != null && !TriageModel.NO_RUNBOOK.equals(predicted.runbookId());
        // both lifecycles decide automation with the same table (major incidents go to people before it is asked)
        String decision = automationEligibility.decide(predicted.category(), predicted.confidence(),
                hasRunbook ? predicted.runbookId() : null, hasRunbook ? predicted.runbookConfidence() : 0.0,
                tenant.automationThreshold());
        predictionLog.record(new PredictedTriage(ticket.tenantId(), ticket.ticketId(), predicted.model(),
                predicted.suggestedGroup(), predicted.groupConfidence(), topGroups, predicted.runbookId(),
                predicted.runbookConfidence(), predicted.runbooks(), decision, shadow));
        return decision;
    }

    private static Classification unsure(Ticket ticket, String category, String model) {
        return new Classification(category, 0.0, ticket.impact().value(), ticket.urgency().value(), model, null, 0.0,
                null, 0.0, List.of());
    }
}
