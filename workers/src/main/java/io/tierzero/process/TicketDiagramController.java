package io.tierzero.process;

import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.audit.AuditEvent;
import io.tierzero.audit.AuditTrail;
import io.tierzero.tenant.TenantRepository;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketNotFoundException;
import io.tierzero.ticket.TicketRepository;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Where a ticket stands in its lifecycle's BPMN diagram: for the console's ticket view (bpmn-js). */
@RestController
public class TicketDiagramController {

    private final TenantRepository tenants;
    private final TicketRepository tickets;
    private final AuditTrail auditTrail;
    private final ProcessModels models;

    public TicketDiagramController(TenantRepository tenants, TicketRepository tickets, AuditTrail auditTrail,
                                   ProcessModels models) {
        this.tenants = tenants;
        this.tickets = tickets;
        this.auditTrail = auditTrail;
        this.models = models;
    }

    @GetMapping("/api/tenants/{tenant}/tickets/{ticketId}/diagram")
    @Operation(summary = "The ticket's lifecycle diagram, the step it stands at and the steps it went through")
    public TicketDiagram diagram(@PathVariable String tenant, @PathVariable UUID ticketId) {
        tenants.get(tenant);
        Ticket ticket = tickets.find(tenant, ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
        String processId = ticket.kind().processId();
        List<String> visited = auditTrail.historyOf(ticketId).stream().map(AuditEvent::bpmnElementId)
                .filter(Objects::nonNull).distinct().toList();
        return new TicketDiagram(processId, models.diagramXml(processId), ticket.isClosed() ? null : ticket.processElementId(),
                visited);
    }

    public record TicketDiagram(String processId, String bpmnXml, String currentElementId, List<String> visitedElementIds) {
    }
}
