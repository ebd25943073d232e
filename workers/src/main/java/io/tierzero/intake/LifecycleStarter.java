package io.tierzero.intake;

import io.tierzero.tenant.Tenant;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketProcesses;
import io.tierzero.ticket.TicketRepository;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts the lifecycles of stored tickets in the background, a few at a time: the stored ticket is the buffer,
 * so a burst of requests is answered at database speed while the engine takes instance creations at its own
 * pace (backpressure). A ticket whose start fails stays without a process instance for the sweeper.
 */
@Component
class LifecycleStarter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LifecycleStarter.class);

    private final TicketProcesses processes;
    private final TicketRepository tickets;
    private final ExecutorService starts;
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();

    LifecycleStarter(TicketProcesses processes, TicketRepository tickets,
                     @Value("${tierzero.intake.starts-in-flight:4}") int startsInFlight) {
        this.processes = processes;
        this.tickets = tickets;
        this.starts = Executors.newFixedThreadPool(startsInFlight, Thread.ofPlatform().name("lifecycle-start-", 0).factory());
    }

    /** Queues the start unless this ticket's start is already queued; a ticket that has an instance is skipped. */
    void startSoon(Ticket ticket, Tenant tenant) {
        if (!queued.add(ticket.ticketId())) {
            return;
        }
        starts.execute(() -> {
            try {
                if (tickets.get(ticket.ticketId()).processInstanceKey() != null) {
                    return;
                }
                long processInstanceKey = processes.start(ticket, tenant);
                tickets.update(ticket.ticketId(), Map.of("process_instance_key", processInstanceKey));
            } catch (RuntimeException e) {
                log.warn("Ticket {} is stored but its lifecycle did not start yet ({}); it will be retried",
                        ticket.referenceNumber(), e.getMessage());
            } finally {
                queued.remove(ticket.ticketId());
            }
        });
    }

    @Override
    public void destroy() {
        starts.shutdownNow();
    }
}
