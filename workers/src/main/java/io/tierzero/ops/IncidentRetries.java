package io.tierzero.ops;

import io.tierzero.audit.Actor;
import io.tierzero.ops.ProcessOperations.IncidentLookup;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketRepository;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Operations staff retry an incident: its job gets one more attempt and the incident is resolved, so the engine
 * runs the step again. One attempt, not the step's configured retries: a job that fails again raises a new
 * incident at once instead of failing quietly in the background. Retrying a resolved incident is refused
 * (409): the second of two clicks must not look like a second retry. When the instance works on a TierZero
 * ticket, the retry is recorded in the ticket's audit trail under the acting user.
 */
@Service
public class IncidentRetries {

    static final int RETRIES = 1;
    static final String AUDIT_ACTION = "process.incident-retried";

    private final ProcessOperations operations;
    private final TicketRepository tickets;
    private final TicketLifecycle lifecycle;

    public IncidentRetries(ProcessOperations operations, TicketRepository tickets, TicketLifecycle lifecycle) {
        this.operations = operations;
        this.tickets = tickets;
        this.lifecycle = lifecycle;
    }

    public IncidentRetried retry(long incidentKey, String actor) {
        OpenIncident incident = switch (operations.incident(incidentKey)) {
            case IncidentLookup.Open open -> open.incident();
            case IncidentLookup.Resolved resolved -> throw new IncidentAlreadyResolvedException(incidentKey, resolved.resolvedAt());
            case IncidentLookup.Unknown unknown -> throw new IncidentNotFoundException(incidentKey);
        };
        operations.retry(incident, RETRIES);
        Optional<Ticket> ticket = ticketOf(incident.ticket());
        ticket.ifPresent(worksOn -> lifecycle.change(worksOn.ticketId(), AUDIT_ACTION)
                .by(Actor.human(actor))
                .because(actor + " retried step " + incident.elementId() + " after: " + incident.errorMessage())
                .note("incidentKey", incident.incidentKey())
                .note("processInstanceKey", incident.processInstanceKey())
                .note("elementId", incident.elementId())
                .note("jobKey", incident.jobKey())
                .note("jobType", incident.jobType())
                .note("errorType", incident.errorType())
                .note("retries", RETRIES)
                .apply());
        return new IncidentRetried(incident.incidentKey(), incident.jobKey(), RETRIES, actor,
                ticket.map(worksOn -> worksOn.ticketId().toString()).orElse(null));
    }

    /** The ticket the instance's variables name, if this database has it. */
    private Optional<Ticket> ticketOf(InstanceTicket named) {
        if (named == null || named.tenantId() == null) {
            return Optional.empty();
        }
        try {
            return tickets.find(named.tenantId(), UUID.fromString(named.ticketId()));
        } catch (IllegalArgumentException notATicketId) {
            return Optional.empty();
        }
    }

    /** What a retry did; auditedTicketId is null when the instance works on no ticket of this service desk. */
    public record IncidentRetried(long incidentKey, Long jobKey, int retries, String retriedBy, String auditedTicketId) {
    }
}
