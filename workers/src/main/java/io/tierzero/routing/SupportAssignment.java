package io.tierzero.routing;

import io.tierzero.tasks.HumanTasks;
import io.tierzero.ticket.ProcessStep;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketRepository;
import io.tierzero.ticket.TicketState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Puts a ticket in a support group's queue at the centre on shift (follow-the-sun), hands it over when the shift
 * ends, and escalates it functionally L1 -> L2 -> L3. Every move is a recorded transition.
 */
@Service
public class SupportAssignment {

    public static final int HIGHEST_TIER = 3;

    private final TicketLifecycle lifecycle;
    private final TicketRepository tickets;
    private final HumanTasks humanTasks;
    private final Clock clock;

    public SupportAssignment(TicketLifecycle lifecycle, TicketRepository tickets, HumanTasks humanTasks, Clock clock) {
        this.lifecycle = lifecycle;
        this.tickets = tickets;
        this.humanTasks = humanTasks;
        this.clock = clock;
    }

    /** Assigns the ticket and returns when the centre's shift ends (the hand-off time). */
    public Instant assign(UUID ticketId, String group, String centre, int shiftEndUtcHour, ProcessStep step) {
        Ticket ticket = tickets.get(ticketId);
        Instant shiftEndsAt = nextOccurrenceOf(shiftEndUtcHour);
        boolean centreChanges = ticket.supportCentre() != null && !Objects.equals(ticket.supportCentre(), centre);
        lifecycle.change(ticketId, centreChanges ? "routing.handed-over" : "routing.assigned")
                .during(step)
                .toState(TicketState.ASSIGNED)
                .because(centreChanges
                        ? "Follow-the-sun: handed over from " + ticket.supportCentre() + " to " + centre
                        : "Assigned to " + group + " at " + centre)
                .set("assignment_group", group)
                .set("support_centre", centre)
                .set("shift_ends_at", shiftEndsAt)
                .note("previousGroup", ticket.assignmentGroup())
                .note("previousCentre", ticket.supportCentre())
                .apply();
        return tickets.get(ticketId).shiftEndsAt();
    }

    /** The shift of the centre working on the ticket ended: the ticket leaves that centre's queue. */
    public void shiftEnded(UUID ticketId, ProcessStep step) {
        Ticket ticket = tickets.get(ticketId);
        humanTasks.cancelActive(ticketId);
        lifecycle.change(ticketId, "routing.shift-ended")
                .during(step)
                .because("The shift of " + ticket.supportCentre() + " ended before the ticket was resolved")
                .note("centre", ticket.supportCentre())
                .apply();
    }

    /** Functional escalation to the next support tier; returns the new tier. */
    public int escalate(UUID ticketId, String reason, ProcessStep step) {
        Ticket ticket = tickets.get(ticketId);
        int tier = Math.min(ticket.supportTier() + 1, HIGHEST_TIER);
        return lifecycle.change(ticketId, "escalation.functional")
                .during(step)
                .because(reason == null || reason.isBlank() ? "Escalated to L" + tier : reason)
                .set("support_tier", tier)
                .note("fromTier", ticket.supportTier())
                .apply()
                .supportTier();
    }

    private Instant nextOccurrenceOf(int utcHour) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        ZonedDateTime candidate = now.truncatedTo(ChronoUnit.DAYS).withHour(utcHour % 24);
        return (candidate.isAfter(now) ? candidate : candidate.plusDays(1)).toInstant();
    }
}
