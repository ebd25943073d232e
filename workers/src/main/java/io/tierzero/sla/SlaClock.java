package io.tierzero.sla;

import io.tierzero.ticket.ProcessStep;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketRepository;
import io.tierzero.ticket.TicketState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The SLA clock of a ticket: started with the targets of the SLA decision, paused while the ticket waits for
 * the customer (the due times move later by the paused time), warned at 75% and breached at 100%.
 */
@Service
public class SlaClock {

    static final double WARNING_SHARE = 0.75;

    private final TicketLifecycle lifecycle;
    private final TicketRepository tickets;
    private final Clock clock;

    public SlaClock(TicketLifecycle lifecycle, TicketRepository tickets, Clock clock) {
        this.lifecycle = lifecycle;
        this.tickets = tickets;
        this.clock = clock;
    }

    public SlaDueTimes start(UUID ticketId, String priority, long responseMinutes, long resolutionMinutes, ProcessStep step) {
        Ticket current = tickets.get(ticketId);
        if (current.resolutionDueAt() != null) {
            return dueTimesOf(current);
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Duration resolution = Duration.ofMinutes(resolutionMinutes);
        Ticket ticket = lifecycle.change(ticketId, "sla.clock-started")
                .during(step)
                .set("priority", priority)
                .set("response_due_at", now.plus(Duration.ofMinutes(responseMinutes)))
                .set("resolution_due_at", now.plus(resolution))
                .set("sla_warning_at", now.plus(Duration.ofSeconds((long) (resolution.toSeconds() * WARNING_SHARE))))
                .note("responseMinutes", responseMinutes)
                .note("resolutionMinutes", resolutionMinutes)
                .apply();
        return dueTimesOf(ticket);
    }

    public void pause(UUID ticketId, ProcessStep step) {
        Ticket ticket = tickets.get(ticketId);
        if (ticket.slaPausedAt() != null) {
            return;
        }
        lifecycle.change(ticketId, "sla.clock-paused")
                .during(step)
                .toState(TicketState.PENDING_CUSTOMER)
                .because("Waiting for the customer")
                .set("sla_paused_at", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS))
                .apply();
    }

    public SlaDueTimes resume(UUID ticketId, ProcessStep step) {
        Ticket ticket = tickets.get(ticketId);
        if (ticket.slaPausedAt() == null) {
            return dueTimesOf(ticket);
        }
        Duration paused = Duration.between(ticket.slaPausedAt(), Instant.now(clock)).truncatedTo(ChronoUnit.SECONDS);
        Ticket resumed = lifecycle.change(ticketId, "sla.clock-resumed")
                .during(step)
                .toState(TicketState.IN_PROGRESS)
                .because("The customer responded")
                .set("sla_paused_at", null)
                .set("sla_warned_at", null)
                .set("response_due_at", plus(ticket.responseDueAt(), paused))
                .set("resolution_due_at", plus(ticket.resolutionDueAt(), paused))
                .set("sla_warning_at", plus(ticket.slaWarningAt(), paused))
                .note("pausedSeconds", paused.toSeconds())
                .apply();
        return dueTimesOf(resumed);
    }

    /** Warns once per due time: the timer fires again when a resumed ticket re-enters the support work. */
    public void warnAtRisk(UUID ticketId, ProcessStep step) {
        if (tickets.get(ticketId).slaWarnedAt() != null) {
            return;
        }
        lifecycle.change(ticketId, "sla.at-risk")
                .beside(step)
                .because("75% of the resolution target has elapsed")
                .set("sla_warned_at", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS))
                .apply();
    }

    /** A breach is recorded once; it stays on the ticket for SLA reporting. */
    public void recordBreach(UUID ticketId, ProcessStep step) {
        if (tickets.get(ticketId).slaBreached()) {
            return;
        }
        lifecycle.change(ticketId, "sla.breached")
                .beside(step)
                .because("The resolution target has elapsed; escalated to the service delivery manager")
                .set("sla_breached", true)
                .apply();
    }

    private static Instant plus(Instant instant, Duration duration) {
        return instant == null ? null : instant.plus(duration);
    }

    static SlaDueTimes dueTimesOf(Ticket ticket) {
        return new SlaDueTimes(ticket.responseDueAt(), ticket.slaWarningAt(), ticket.resolutionDueAt());
    }
}
