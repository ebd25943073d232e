package io.tierzero.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Resolving, reopening and closing a ticket. The requester's answer to "did this resolve your issue?" (a close
 * confirmed by the requester, or a reopening) is published as {@link RequesterAnswered}.
 */
@Service
public class TicketResolution {

    private final TicketLifecycle lifecycle;
    private final TicketRepository tickets;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public TicketResolution(TicketLifecycle lifecycle, TicketRepository tickets, Clock clock,
            ApplicationEventPublisher events) {
        this.lifecycle = lifecycle;
        this.tickets = tickets;
        this.clock = clock;
        this.events = events;
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
        events.publishEvent(new RequesterAnswered(ticketId, false));
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
            events.publishEvent(new RequesterAnswered(ticketId, true));
        }
    }
}
