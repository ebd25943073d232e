package io.tierzero.selfservice;

import io.tierzero.ticket.RequesterAnswers;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketRepository;
import io.tierzero.ticket.TicketState;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The requester answers "did this resolve your issue?" with a link from a message. */
@Service
public class SelfServiceConfirmation {

    private final ConfirmationTokens tokens;
    private final TicketRepository tickets;
    private final RequesterAnswers requesterAnswers;
    private final TransactionTemplate transaction;

    public SelfServiceConfirmation(ConfirmationTokens tokens, TicketRepository tickets, RequesterAnswers requesterAnswers,
            TransactionTemplate transaction) {
        this.tokens = tokens;
        this.tickets = tickets;
        this.requesterAnswers = requesterAnswers;
        this.transaction = transaction;
    }

    /** The question the token answers, if the ticket still waits for that answer; changes nothing. */
    public Question question(String token) {
        ConfirmationClaim claim = tokens.verify(token);
        return new Question(awaitingAnswer(claim), claim.resolved());
    }

    /** Answers with the token; the ticket stays locked meanwhile, so a second answer at once is refused. */
    public Question answer(String token) {
        ConfirmationClaim claim = tokens.verify(token);
        return transaction.execute(status -> {
            tickets.lock(claim.ticketId());
            Ticket ticket = awaitingAnswer(claim);
            requesterAnswers.answer(ticket.ticketId(), claim.resolved());
            return new Question(ticket, claim.resolved());
        });
    }

    private Ticket awaitingAnswer(ConfirmationClaim claim) {
        Ticket ticket = tickets.find(claim.tenantId(), claim.ticketId()).orElseThrow(() ->
                new InvalidConfirmationLinkException(HttpStatus.NOT_FOUND, "The request of this link does not exist."));
        if (ticket.state() != TicketState.RESOLVED || ticket.reopenCount() != claim.reopenCount()
                || requesterAnswers.hasAnswered(ticket)) {
            throw new InvalidConfirmationLinkException(HttpStatus.CONFLICT, "Request " + ticket.referenceNumber()
                    + " is not waiting for this answer any more: it was already answered, or it has moved on.");
        }
        return ticket;
    }

    public record Question(Ticket ticket, boolean resolved) {
    }
}
