package io.tierzero.knowledge;

import io.tierzero.audit.AuditEvent;
import io.tierzero.audit.AuditTrail;
import io.tierzero.ticket.ProcessStep;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketRepository;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What the service desk learns from a resolution the requester confirmed: the ticket, how it was resolved (the
 * agent's notes or what the playbook did) and its runbook go into the resolved-tickets index, where later tickets
 * find it as a similar ticket. An index that cannot be reached is recorded, not retried for ever: the ticket is
 * closed either way, and `./tierzero reindex --tickets` can add it later.
 */
@Service
public class KnowledgeFeedback {

    private static final List<String> RESOLUTIONS = List.of("ticket.resolved", "remediation.playbook-succeeded");

    private final TicketRepository tickets;
    private final AuditTrail auditTrail;
    private final ResolvedTickets resolvedTickets;
    private final TicketLifecycle lifecycle;

    public KnowledgeFeedback(TicketRepository tickets, AuditTrail auditTrail, ResolvedTickets resolvedTickets,
            TicketLifecycle lifecycle) {
        this.tickets = tickets;
        this.auditTrail = auditTrail;
        this.resolvedTickets = resolvedTickets;
        this.lifecycle = lifecycle;
    }

    public void learnFrom(UUID ticketId, ProcessStep step) {
        Ticket ticket = tickets.get(ticketId);
        String resolution = auditTrail.historyOf(ticketId).stream()
                .filter(event -> RESOLUTIONS.contains(event.action()))
                .reduce((earlier, later) -> later).map(AuditEvent::reason).orElse(null);
        try {
            resolvedTickets.indexResolved(ticket, resolution, ticket.runbookId());
            lifecycle.change(ticketId, "knowledge.ticket-indexed")
                    .during(step)
                    .because("Added to the resolved tickets that later requests are compared with")
                    .note("runbookId", String.valueOf(ticket.runbookId()))
                    .apply();
        } catch (IOException | RuntimeException e) {
            lifecycle.change(ticketId, "knowledge.ticket-not-indexed")
                    .during(step)
                    .because("The resolved-tickets index cannot be reached: " + e.getMessage())
                    .apply();
        }
    }
}
