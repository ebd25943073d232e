package io.tierzero.ticket;

import io.tierzero.audit.Actor;
import io.tierzero.audit.AuditTrail;
import org.springframework.stereotype.Service;

/**
 * The requester's answer to "did this resolve your issue?", however it arrives (the API, a link in a message):
 * recorded once per round of the question (a reopened ticket is asked again) and passed on to the lifecycle.
 */
@Service
public class RequesterAnswers {

    private final TicketLifecycle lifecycle;
    private final TicketProcesses processes;
    private final AuditTrail auditTrail;

    public RequesterAnswers(TicketLifecycle lifecycle, TicketProcesses processes, AuditTrail auditTrail) {
        this.lifecycle = lifecycle;
        this.processes = processes;
        this.auditTrail = auditTrail;
    }

    public void answer(Ticket ticket, boolean resolved) {
        lifecycle.change(ticket.ticketId(), "requester.answered")
                .by(Actor.requester(ticket.requesterId()))
                .because(resolved ? "The requester confirmed the resolution" : "The requester said it is not resolved")
                .once(answerKey(ticket))
                .apply();
        processes.requesterAnswered(ticket, resolved);
    }

    /** Whether the requester has answered the current round of the question. */
    public boolean hasAnswered(Ticket ticket) {
        return auditTrail.contains(ticket.tenantId(), answerKey(ticket));
    }

    private static String answerKey(Ticket ticket) {
        return ticket.ticketId() + "/answer/" + ticket.reopenCount();
    }
}
