package io.tierzero.sla;

import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.tenant.TenantRepository;
import io.tierzero.ticket.TicketNotFoundException;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class TicketSlaController {

    private final TenantRepository tenants;
    private final TicketSlaRepository slas;
    private final SlaCalendars calendars;

    public TicketSlaController(TenantRepository tenants, TicketSlaRepository slas, SlaCalendars calendars) {
        this.tenants = tenants;
        this.slas = slas;
        this.calendars = calendars;
    }

    @GetMapping("/api/tenants/{tenant}/tickets/{ticketId}/sla")
    @Operation(summary = "A ticket's SLA: targets, calendar, due times, pause, and whether response and resolution met them")
    public TicketSlaView get(@PathVariable String tenant, @PathVariable UUID ticketId) {
        tenants.get(tenant);
        TicketSla sla = slas.find(tenant, ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
        return TicketSlaView.of(sla, calendars.named(sla.calendar()).orElse(null));
    }
}
