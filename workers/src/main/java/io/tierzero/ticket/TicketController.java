package io.tierzero.ticket;

import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.audit.Actor;
import io.tierzero.audit.AuditTrail;
import io.tierzero.tenant.TenantRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tenants/{tenant}/tickets/{ticketId}")
public class TicketController {

    private final TenantRepository tenants;
    private final TicketRepository tickets;
    private final AuditTrail auditTrail;
    private final TicketProcesses processes;
    private final TicketLifecycle lifecycle;
    private final RequesterAnswers requesterAnswers;

    public TicketController(TenantRepository tenants, TicketRepository tickets, AuditTrail auditTrail,
                            TicketProcesses processes, TicketLifecycle lifecycle, RequesterAnswers requesterAnswers) {
        this.tenants = tenants;
        this.tickets = tickets;
        this.auditTrail = auditTrail;
        this.processes = processes;
        this.lifecycle = lifecycle;
        this.requesterAnswers = requesterAnswers;
    }

    @GetMapping
    @Operation(summary = "A ticket with its audit history")
    public TicketView get(@PathVariable String tenant, @PathVariable UUID ticketId) {
        return new TicketView(find(tenant, ticketId), auditTrail.historyOf(ticketId));
    }

    @PostMapping("/confirmation")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "The requester's answer to \"did this resolve your issue?\"")
    public void confirm(@PathVariable String tenant, @PathVariable UUID ticketId,
                        @Valid @RequestBody RequesterAnswer answer) {
        requesterAnswers.answer(find(tenant, ticketId).ticketId(), answer.resolved());
    }

    @PostMapping("/customer-reply")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "The customer's reply to a ticket pending customer")
    public void reply(@PathVariable String tenant, @PathVariable UUID ticketId, @Valid @RequestBody CustomerReply reply) {
        Ticket ticket = find(tenant, ticketId);
        lifecycle.change(ticketId, "customer.replied")
                .by(Actor.requester(ticket.requesterId()))
                .because("The customer replied")
                .note("reply", reply.text())
                .apply();
        processes.customerResponded(ticket, reply.text());
    }

    private Ticket find(String tenant, UUID ticketId) {
        tenants.get(tenant);
        return tickets.find(tenant, ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
    }

    public record RequesterAnswer(@NotNull Boolean resolved) {
    }

    public record CustomerReply(@NotBlank @Size(max = 20_000) String text) {
    }
}
