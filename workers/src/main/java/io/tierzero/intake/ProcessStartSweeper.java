package io.tierzero.intake;

import io.tierzero.tenant.TenantRepository;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Starts the lifecycle of accepted tickets whose start failed (engine unreachable at the time). */
@Component
class ProcessStartSweeper {

    static final Duration GRACE = Duration.ofSeconds(30);

    private final TicketRepository tickets;
    private final TenantRepository tenants;
    private final LifecycleStarter starter;
    private final Clock clock;

    ProcessStartSweeper(TicketRepository tickets, TenantRepository tenants, LifecycleStarter starter, Clock clock) {
        this.tickets = tickets;
        this.tenants = tenants;
        this.starter = starter;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${tierzero.intake.start-retry-interval:PT30S}",
            fixedDelayString = "${tierzero.intake.start-retry-interval:PT30S}")
    void startPendingLifecycles() {
        for (Ticket ticket : tickets.awaitingProcessStart(Instant.now(clock).minus(GRACE))) {
            starter.startSoon(ticket, tenants.get(ticket.tenantId()));
        }
    }
}
