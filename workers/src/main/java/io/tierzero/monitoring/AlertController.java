package io.tierzero.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.tenant.TenantRepository;
import io.tierzero.ticket.TicketNotFoundException;
import io.tierzero.ticket.TicketRepository;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AlertController {

    private static final int PAGE_SIZE = 200;
    private static final Set<String> STATES = Set.of("firing", "resolved");

    private final TenantRepository tenants;
    private final TicketRepository tickets;
    private final AlertStore store;

    public AlertController(TenantRepository tenants, TicketRepository tickets, AlertStore store) {
        this.tenants = tenants;
        this.tickets = tickets;
        this.store = store;
    }

    @GetMapping("/api/tenants/{tenant}/alerts")
    @Operation(summary = "Monitoring alerts (firing or resolved; all when no state is given) with their incidents, most recently seen first, at most 200")
    public List<AlertView> alerts(@PathVariable String tenant, @RequestParam(required = false) String state) {
        tenants.get(tenant);
        if (state != null && !STATES.contains(state)) {
            throw new InvalidAlertQueryException("'" + state + "' is not an alert state: use firing or resolved.");
        }
        return store.alerts(tenant, state, PAGE_SIZE);
    }

    @GetMapping("/api/tenants/{tenant}/tickets/{ticketId}/alerts")
    @Operation(summary = "The monitoring alerts an incident groups: the one that opened it and those correlated to it")
    public IncidentAlerts ofTicket(@PathVariable String tenant, @PathVariable UUID ticketId) {
        tenants.get(tenant);
        var ticket = tickets.find(tenant, ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
        return store.groupOfTicket(tenant, ticketId)
                .map(group -> {
                    List<AlertView> alerts = store.alertsOf(group.incidentId());
                    return new IncidentAlerts(ticketId, ticket.referenceNumber(), group.alertCount(),
                            alerts.stream().filter(alert -> alert.status().equals("firing")).count(),
                            group.previousTicketId(), group.allResolvedAt(), alerts);
                })
                .orElseGet(() -> new IncidentAlerts(ticketId, ticket.referenceNumber(), 0, 0, null, null, List.of()));
    }

    @ExceptionHandler(InvalidAlertQueryException.class)
    ProblemDetail invalidQuery(InvalidAlertQueryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid alert query");
        return problem;
    }
}
