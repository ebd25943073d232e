package io.tierzero.ticket;

import io.tierzero.audit.Actor;
import io.tierzero.audit.AuditTrail;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The requester's answer to "did this resolve your issue?", however it arrives (the API, a link in a message):
 * recorded once per round of the question (a reopened ticket is asked again) and passed on to the lifecycle.
 * A repeated answer in the same round changes nothing.
 */
@Service
public class RequesterAnswers {

    private final TicketLifecycle lifecycle;
    private final TicketProcesses processes;
    private final AuditTrail auditTrail;
    private final TicketRepository tickets;
    private final TransactionTemplate transaction;

    public RequesterAnswers(TicketLifecycle lifecycle, TicketProcesses processes, AuditTrail auditTrail,
            TicketRepository tickets, TransactionTemplate transaction) {
        this.lifecycle = lifecycle;
        this.processes = processes;
        this.auditTrail = auditTrail;
        this.tickets = tickets;
        this.transaction = transaction;
    }

    /**
     * Records the answer and passes it on, unless this round was answered already. The ticket stays locked until
     * both are done, so two answers at once count once, and an answer the engine did not take is not recorded.
     */
    public void answer(UUID ticketId, boolean resolved) {
        transaction.executeWithoutResult(status -> {
            Ticket ticket = tickets.lock(ticketId);
            if (hasAnswered(ticket)) {
                return;
            }
            lifecycle.change(ticketId, "requester.answered")
                    .by(Actor.requester(ticket.requesterId()))
                    .because(resolved ? "The requester confirmed the resolution" : "The requester said it is not resolved")
                    .once(answerKey(ticket))
                    .apply();
            processes.requesterAnswered(ticket, resolved);
        });
    }

    /** Whether the requester has answered the current round of the question. */
    public boolean hasAnswered(Ticket ticket) {
        return auditTrail.contains(ticket.tenantId(), answerKey(ticket));
    }

    private static String answerKey(Ticket ticket) {
        return ticket.ticketId() + "/answer/" + ticket.reopenCount();
    }
}
