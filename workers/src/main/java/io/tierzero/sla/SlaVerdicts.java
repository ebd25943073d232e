package io.tierzero.sla;

import io.tierzero.tasks.HumanTasks;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketChanged;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketState;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Records, once per ticket, whether the first response and the resolution met their due times.
 * <p>
 * First response: an agent of the support group the ticket is assigned to takes its task (claims it), or the
 * ticket is resolved before anyone did (by an agent, an automated playbook or a connected system). The automatic
 * acknowledgement and the "who has it" notice are not responses: nobody has looked at the request yet.
 * <p>
 * Resolution: the first time the ticket reaches state resolved, whoever resolved it. A reopened ticket keeps the
 * verdict of its first resolution (the SLA report counts a reopening on its own).
 * <p>
 * Both are observed on every ticket change, inside its transaction, so no resolver has to remember them.
 */
@Service
public class SlaVerdicts {

    private final TicketLifecycle lifecycle;
    private final TicketSlaRepository slas;
    private final HumanTasks humanTasks;
    private final Clock clock;

    public SlaVerdicts(TicketLifecycle lifecycle, TicketSlaRepository slas, HumanTasks humanTasks, Clock clock) {
        this.lifecycle = lifecycle;
        this.slas = slas;
        this.humanTasks = humanTasks;
        this.clock = clock;
    }

    @EventListener
    public void on(TicketChanged change) {
        boolean resolved = change.enteredState(TicketState.RESOLVED);
        if (!resolved && !supportGroupTookIt(change)) {
            return;
        }
        UUID ticketId = change.after().ticketId();
        TicketSla sla = slas.get(ticketId);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        if (sla.responseDueAt() != null && sla.responseMet() == null) {
            boolean met = !now.isAfter(sla.responseDueAt());
            lifecycle.change(ticketId, met ? "sla.response-met" : "sla.response-breached")
                    .once("sla.response:" + ticketId)
                    .because(met ? "First response within its due time" : "First response after its due time")
                    .set("responded_at", now)
                    .set("response_met", met)
                    .note("responseDueAt", sla.responseDueAt())
                    .note("respondedBy", change.action())
                    .apply();
        }
        if (resolved && sla.resolutionDueAt() != null && sla.resolutionMet() == null) {
            boolean met = !now.isAfter(sla.resolutionDueAt());
            lifecycle.change(ticketId, met ? "sla.resolution-met" : "sla.resolution-breached")
                    .once("sla.resolution:" + ticketId)
                    .because(met ? "Resolved within its due time" : "Resolved after its due time")
                    .set("first_resolved_at", now)
                    .set("resolution_met", met)
                    .note("resolutionDueAt", sla.resolutionDueAt())
                    .note("resolvedBy", change.action())
                    .apply();
        }
    }

    private boolean supportGroupTookIt(TicketChanged change) {
        if (!change.action().equals("task.claimed") || !(change.payload().get("taskId") instanceof UUID taskId)) {
            return false;
        }
        Ticket ticket = change.after();
        return Objects.equals(humanTasks.get(ticket.tenantId(), taskId).candidateGroup(), ticket.assignmentGroup());
    }
}
