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
 * The SLA clock of a ticket: started with the targets of the SLA decision and laid out on the calendar that
 * {@link SlaCalendars} chooses, paused while the ticket waits for the customer (the business time left until each
 * due time is kept and laid out again from the resumption), warned at 75% and breached at 100%.
 */
@Service
public class SlaClock {

    static final double WARNING_SHARE = 0.75;

    private final TicketLifecycle lifecycle;
    private final TicketRepository tickets;
    private final TicketSlaRepository slas;
    private final SlaCalendars calendars;
    private final SupportCentreOnShift centreOnShift;
    private final Clock clock;

    public SlaClock(TicketLifecycle lifecycle, TicketRepository tickets, TicketSlaRepository slas,
            SlaCalendars calendars, SupportCentreOnShift centreOnShift, Clock clock) {
        this.lifecycle = lifecycle;
        this.tickets = tickets;
        this.slas = slas;
        this.calendars = calendars;
        this.centreOnShift = centreOnShift;
        this.clock = clock;
    }

    public SlaDueTimes start(UUID ticketId, String priority, SlaTargets targets, ProcessStep step) {
        Ticket current = tickets.get(ticketId);
        if (current.resolutionDueAt() != null) {
            return dueTimesOf(current);
        }
        Instant now = now();
        BusinessCalendar calendar = calendarFor(targets.clock(), current, now);
        Duration resolution = Duration.ofMinutes(targets.resolutionMinutes());
        Ticket ticket = lifecycle.change(ticketId, "sla.clock-started")
                .during(step)
                .set("priority", priority)
                .set("sla_clock", targets.clock().value())
                .set("sla_calendar", calendar.name())
                .set("sla_started_at", now)
                .set("response_target_minutes", targets.responseMinutes())
                .set("resolution_target_minutes", targets.resolutionMinutes())
                .set("response_due_at", calendar.plus(now, Duration.ofMinutes(targets.responseMinutes())))
                .set("resolution_due_at", calendar.plus(now, resolution))
                .set("sla_warning_at", calendar.plus(now,
                        Duration.ofSeconds((long) (resolution.toSeconds() * WARNING_SHARE))))
                .apply();
        return dueTimesOf(ticket);
    }

    public void pause(UUID ticketId, ProcessStep step) {
        TicketSla sla = slas.get(ticketId);
        if (sla.pausedAt() != null) {
            return;
        }
        Instant now = now();
        BusinessCalendar calendar = calendarOf(sla, now);
        lifecycle.change(ticketId, "sla.clock-paused")
                .during(step)
                .toState(TicketState.PENDING_CUSTOMER)
                .because("Waiting for the customer")
                .set("sla_paused_at", now)
                .set("response_remaining_seconds", sla.respondedAt() == null ? secondsLeft(calendar, now, sla.responseDueAt()) : null)
                .set("warning_remaining_seconds", secondsLeft(calendar, now, sla.warningAt()))
                .set("resolution_remaining_seconds", secondsLeft(calendar, now, sla.resolutionDueAt()))
                .apply();
    }

    /**
     * Lays the business time that was left at the pause out from now, on the calendar that applies now (the ticket
     * may have been routed to a centre since). A due time already past at the pause stays where it was.
     */
    public SlaDueTimes resume(UUID ticketId, ProcessStep step) {
        Ticket ticket = tickets.get(ticketId);
        TicketSla sla = slas.get(ticketId);
        if (sla.pausedAt() == null) {
            return dueTimesOf(ticket);
        }
        Instant now = now();
        BusinessCalendar calendar = calendarFor(clockOf(sla), ticket, now);
        Duration paused = Duration.between(sla.pausedAt(), now);
        var change = lifecycle.change(ticketId, "sla.clock-resumed")
                .during(step)
                .toState(TicketState.IN_PROGRESS)
                .because("The customer responded")
                .set("sla_paused_at", null)
                .set("sla_paused_seconds", sla.pausedTotal().plus(paused).toSeconds())
                .set("response_remaining_seconds", null)
                .set("warning_remaining_seconds", null)
                .set("resolution_remaining_seconds", null)
                .set("sla_calendar", calendar.name())
                .set("response_due_at", moved(calendar, now, sla.responseRemaining(), sla.responseDueAt()))
                .set("resolution_due_at", moved(calendar, now, sla.resolutionRemaining(), sla.resolutionDueAt()))
                .set("sla_warning_at", moved(calendar, now, sla.warningRemaining(), sla.warningAt()))
                .note("pausedSeconds", paused.toSeconds());
        // the warning is given once per warning time: a moved one is given again when it comes
        if (sla.warningRemaining() != null) {
            change.set("sla_warned_at", null);
        }
        return dueTimesOf(change.apply());
    }

    /** Warns once per due time: the timer fires again when a resumed ticket re-enters the support work. */
    public void warnAtRisk(UUID ticketId, ProcessStep step) {
        if (tickets.get(ticketId).slaWarnedAt() != null) {
            return;
        }
        lifecycle.change(ticketId, "sla.at-risk")
                .beside(step)
                .because("75% of the resolution target has elapsed")
                .set("sla_warned_at", now())
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

    private BusinessCalendar calendarFor(SlaClockMode mode, Ticket ticket, Instant now) {
        return calendars.forTicket(mode, ticket.tenantId(), () -> ticket.supportCentre() != null
                ? ticket.supportCentre() : centreOnShift.at(now, ticket.region().value()));
    }

    /** The calendar the running due times were laid out on; one no longer configured is chosen again. */
    private BusinessCalendar calendarOf(TicketSla sla, Instant now) {
        return calendars.named(sla.calendar()).orElseGet(() -> calendarFor(clockOf(sla), tickets.get(sla.ticketId()), now));
    }

    // tickets whose clock started before the clock column existed ran round the clock
    private static SlaClockMode clockOf(TicketSla sla) {
        return sla.clock() == null ? SlaClockMode.TWENTY_FOUR_SEVEN : SlaClockMode.of(sla.clock());
    }

    private static Long secondsLeft(BusinessCalendar calendar, Instant now, Instant due) {
        return due == null || !due.isAfter(now) ? null : calendar.between(now, due).toSeconds();
    }

    private static Instant moved(BusinessCalendar calendar, Instant now, Duration remaining, Instant due) {
        return remaining == null ? due : calendar.plus(now, remaining);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    static SlaDueTimes dueTimesOf(Ticket ticket) {
        return new SlaDueTimes(ticket.responseDueAt(), ticket.slaWarningAt(), ticket.resolutionDueAt());
    }
}
