package io.tierzero.ticket;

import io.tierzero.tenant.Tenant;
import io.tierzero.tenant.TenantRepository;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The ticket store is the source of truth. An engine that lost its state (the in-memory engine after a restart)
 * gets every open ticket back: a new process instance started before the step the ticket had reached, with its
 * stored facts (SLA due times, group, tier) so timers are recomputed from the stored due times.
 */
@Service
public class LifecycleRecovery {

    private static final Logger log = LoggerFactory.getLogger(LifecycleRecovery.class);

    private final TicketRepository tickets;
    private final TenantRepository tenants;
    private final TicketProcesses processes;
    private final TicketLifecycle lifecycle;

    public LifecycleRecovery(TicketRepository tickets, TenantRepository tenants, TicketProcesses processes,
                             TicketLifecycle lifecycle) {
        this.tickets = tickets;
        this.tenants = tenants;
        this.processes = processes;
        this.lifecycle = lifecycle;
    }

    /**
     * Re-drives every open ticket whose lifecycle had started; returns how many were resumed. Tickets whose
     * lifecycle never started are the intake's to start.
     */
    public int resumeOpenTickets() {
        int resumed = 0;
        for (Ticket ticket : tickets.openTickets()) {
            if (ticket.processInstanceKey() == null) {
                continue;
            }
            Tenant tenant = tenants.get(ticket.tenantId());
            String element = ticket.processElementId();
            try {
                // a new engine hands out the same keys again: the generation keeps the new jobs' changes apart
                tickets.update(ticket.ticketId(), Map.of("process_generation", ticket.processGeneration() + 1));
                long instance = element == null ? processes.start(ticket, tenant) : processes.resume(ticket, tenant, element);
                lifecycle.change(ticket.ticketId(), "process.resumed")
                        .because(element == null ? "Lifecycle started again from the beginning after a restart"
                                : "Lifecycle resumed after a restart before " + element)
                        .set("process_instance_key", instance)
                        .note("processGeneration", ticket.processGeneration() + 1)
                        .note("previousProcessInstanceKey", ticket.processInstanceKey())
                        .apply();
                resumed++;
            } catch (RuntimeException e) {
                log.error("Could not resume ticket {} before {}: {}", ticket.referenceNumber(), element, e.getMessage(), e);
            }
        }
        return resumed;
    }
}
