package io.tierzero.ticket;

import io.tierzero.audit.Actor;
import io.tierzero.audit.AuditEntry;
import io.tierzero.audit.AuditTrail;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies changes to tickets together with their audit events, in one transaction. A change made by a process
 * step is applied once: a job delivered twice finds its audit event and changes nothing. Each applied change is
 * published as {@link TicketChanged} inside the transaction, so what observers write commits or fails with it.
 */
@Service
public class TicketLifecycle {

    private final TicketRepository tickets;
    private final AuditTrail auditTrail;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    public TicketLifecycle(TicketRepository tickets, AuditTrail auditTrail, TransactionTemplate transaction,
            ApplicationEventPublisher events) {
        this.tickets = tickets;
        this.auditTrail = auditTrail;
        this.transaction = transaction;
        this.events = events;
    }

    /** Starts describing a change; {@link Change#apply()} carries it out. */
    public Change change(UUID ticketId, String action) {
        return new Change(ticketId, action);
    }

    private Ticket apply(Change change) {
        return transaction.execute(status -> applyLocked(change));
    }

    private Ticket applyLocked(Change change) {
        Ticket ticket = tickets.lock(change.ticketId);
        String idempotencyKey = change.idempotencyKey != null ? change.idempotencyKey
                : change.step == null ? null : "%s/%d/%d/%d/%s".formatted(ticket.ticketId(),
                ticket.processGeneration(), change.step.processInstanceKey(), change.step.jobKey(), change.action);
        if (idempotencyKey != null && auditTrail.contains(ticket.tenantId(), idempotencyKey)) {
            return ticket;
        }
        Map<String, Object> columns = new LinkedHashMap<>(change.columns);
        TicketState from = ticket.state();
        boolean stateChanges = change.toState != null && change.toState != from;
        if (stateChanges) {
            columns.put("state", change.toState);
        }
        if (change.step != null && change.movesPosition) {
            columns.put("process_instance_key", change.step.processInstanceKey());
            columns.put("process_element_id", change.step.elementId());
        }
        if (!columns.isEmpty()) {
            tickets.update(ticket.ticketId(), columns);
        }
        auditTrail.append(new AuditEntry(ticket.tenantId(), ticket.ticketId(), change.action,
                stateChanges ? from.value() : null, stateChanges ? change.toState.value() : null,
                change.actor, change.reason,
                change.step == null ? ticket.processInstanceKey() : Long.valueOf(change.step.processInstanceKey()),
                change.step == null ? null : change.step.elementId(), idempotencyKey, change.payload));
        Ticket changed = tickets.get(ticket.ticketId());
        events.publishEvent(new TicketChanged(change.action, ticket, changed, Collections.unmodifiableMap(new LinkedHashMap<>(change.payload))));
        return changed;
    }

    public final class Change {
        private final UUID ticketId;
        private final String action;
        private Actor actor = Actor.PROCESS;
        private String reason;
        private ProcessStep step;
        private boolean movesPosition;
        private TicketState toState;
        private String idempotencyKey;
        private final Map<String, Object> columns = new LinkedHashMap<>();
        private final Map<String, Object> payload = new LinkedHashMap<>();

        private Change(UUID ticketId, String action) {
            this.ticketId = ticketId;
            this.action = action;
        }

        public Change by(Actor actor) {
            this.actor = actor;
            return this;
        }

        public Change because(String reason) {
            this.reason = reason;
            return this;
        }

        /** The change is made by this step of the ticket's main path: the ticket's lifecycle now stands there. */
        public Change during(ProcessStep step) {
            this.step = step;
            this.movesPosition = true;
            return this;
        }

        /**
         * The change is made by a step on a side branch (an SLA timer's path): it is recorded, but the ticket's
         * position, where a restart resumes it, stays on the main path.
         */
        public Change beside(ProcessStep step) {
            this.step = step;
            this.movesPosition = false;
            return this;
        }

        /**
         * Applies the change once for this key (unique in the tenant's audit trail) instead of once per step and
         * action: for changes made outside a process step, or several changes of the same kind by one step.
         */
        public Change once(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public Change toState(TicketState state) {
            this.toState = state;
            return this;
        }

        /** Sets a tickets column; the value is recorded in the audit payload as well. */
        public Change set(String column, Object value) {
            columns.put(column, value);
            payload.put(column, value);
            return this;
        }

        public Change note(String key, Object value) {
            payload.put(key, value);
            return this;
        }

        public Ticket apply() {
            return TicketLifecycle.this.apply(this);
        }
    }
}
