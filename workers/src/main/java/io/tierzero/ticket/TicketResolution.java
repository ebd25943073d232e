package io.tierzero.ticket;

import io.tierzero.triage.drift.PredictionLog;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Resolving, reopening and closing a ticket. The requester's answer to "did this resolve your issue?" (a close
 * confirmed by the requester, or a reopening) is recorded against the triage model's predictions as well.
 */
@Service
public class TicketResolution {

    private final TicketLifecycle lifecycle;
    private final TicketRepository tickets;
    private final Clock clock;
    private final PredictionLog predictionLog;

    public TicketResolution(TicketLifecycle lifecycle, TicketRepository tickets, Clock clock,
            PredictionLog predictionLog) {
        this.lifecycle = lifecycle;
        this.tickets = tickets;
        this.clock = clock;
        this.predictionLog = predictionLog;
    }

    public void resolve(UUID ticketId, String resolutionNotes, ProcessStep step) {
        lifecycle.change(ticketId, "ticket.resolved")
                .during(step)
                .toState(TicketState.RESOLVED)
                .because(resolutionNotes == null || resolutionNotes.isBlank() ? "Resolved" : resolutionNotes)
                .set("resolved_at", Instant.now(clock))
                .apply();
    }

    /** The requester said the problem is not solved: the ticket goes back to the support team. */
    public void reopen(UUID ticketId, ProcessStep step) {
        Ticket ticket = tickets.get(ticketId);
        lifecycle.change(ticketId, "ticket.reopened")
                .during(step)
                .toState(TicketState.IN_PROGRESS)
                .because("The requester said the issue is not resolved")
                .set("reopen_count", ticket.reopenCount() + 1)
                .set("resolved_at", null)
                .apply();
        predictionLog.answeredByRequester(ticketId, false);
    }

    public void close(UUID ticketId, ClosureReason reason, ProcessStep step) {
        lifecycle.change(ticketId, "ticket.closed")
                .during(step)
                .toState(TicketState.CLOSED)
                .because(reason.description())
                .set("closed_at", Instant.now(clock))
                .note("closureReason", reason.code())
                .apply();
        if (reason == ClosureReason.CONFIRMED_BY_REQUESTER) {
            predictionLog.answeredByRequester(ticketId, true);
        }
    }
}
