package io.tierzero.intake;

import io.tierzero.tenant.TenantRepository;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the lifecycle of accepted tickets whose start failed (engine unreachable at the time): those without
 * a process instance for longer than the retry interval.
 */
@Component
class ProcessStartSweeper {

    private final TicketRepository tickets;
    private final TenantRepository tenants;
    private final LifecycleStarter starter;
    private final Clock clock;
    private final Duration retryInterval;

    ProcessStartSweeper(TicketRepository tickets, TenantRepository tenants, LifecycleStarter starter, Clock clock,
                        @Value("${tierzero.intake.start-retry-interval:PT30S}") Duration retryInterval) {
        this.tickets = tickets;
        this.tenants = tenants;
        this.starter = starter;
        this.clock = clock;
        this.retryInterval = retryInterval;
    }

    @Scheduled(initialDelayString = "${tierzero.intake.start-retry-interval:PT30S}",
            fixedDelayString = "${tierzero.intake.start-retry-interval:PT30S}")
    void startPendingLifecycles() {
        for (Ticket ticket : tickets.awaitingProcessStart(Instant.now(clock).minus(retryInterval))) {
            starter.startSoon(ticket, tenants.get(ticket.tenantId()));
        }
    }
}
