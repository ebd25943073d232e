package io.tierzero.triage;

import io.tierzero.ticket.ProcessStep;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketRepository;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Classifies a ticket. Until a trained model is active (the Intelligence issue), triage is honest: it keeps
 * the category the requester chose (or "unclassified") with confidence 0, so the automation decision sends
 * the ticket to a human.
 */
@Service
public class Triage {

    static final String UNCLASSIFIED = "unclassified";
    static final String NO_MODEL = "none";

    private final TicketLifecycle lifecycle;
    private final TicketRepository tickets;

    public Triage(TicketLifecycle lifecycle, TicketRepository tickets) {
        this.lifecycle = lifecycle;
        this.tickets = tickets;
    }

    public Classification classify(UUID ticketId, ProcessStep step) {
        Ticket ticket = tickets.get(ticketId);
        String category = ticket.category() == null || ticket.category().isBlank() ? UNCLASSIFIED : ticket.category();
        Classification classification = new Classification(category, 0.0, ticket.impact().value(),
                ticket.urgency().value(), NO_MODEL);
        lifecycle.change(ticketId, "triage.classified")
                .during(step)
                .because("No classification model is active: the requester's category is kept with confidence 0")
                .set("category", classification.category())
                .set("category_confidence", BigDecimal.valueOf(classification.confidence()))
                .note("model", classification.model())
                .apply();
        return classification;
    }
}
