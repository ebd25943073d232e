package io.tierzero.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Resolving, reopening and closing a ticket. */
@Service
public class TicketResolution {

    private final TicketLifecycle lifecycle;
    private final TicketRepository tickets;
    private final Clock clock;

    public TicketResolution(TicketLifecycle lifecycle, TicketRepository tickets, Clock clock) {
        this.lifecycle = lifecycle;
        this.tickets = tickets;
        this.clock = clock;
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
    }

    public void close(UUID ticketId, ClosureReason reason, ProcessStep step) {
        lifecycle.change(ticketId, "ticket.closed")
                .during(step)
                .toState(TicketState.CLOSED)
                .because(reason.description())
                .set("closed_at", Instant.now(clock))
                .note("closureReason", reason.code())
                .apply();
    }
}
