package io.tierzero.ticket;

import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.tenant.TenantRepository;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tenants/{tenant}/tickets/{ticketId}/attachments")
public class TicketAttachmentController {

    private final TenantRepository tenants;
    private final TicketRepository tickets;
    private final TicketAttachments attachments;

    public TicketAttachmentController(TenantRepository tenants, TicketRepository tickets,
            TicketAttachments attachments) {
        this.tenants = tenants;
        this.tickets = tickets;
        this.attachments = attachments;
    }

    @GetMapping
    @Operation(summary = "The files kept with a ticket (e-mail attachments)")
    public List<TicketAttachment> list(@PathVariable String tenant, @PathVariable UUID ticketId) {
        return attachments.of(find(tenant, ticketId).ticketId());
    }

    @GetMapping("/{attachmentId}")
    @Operation(summary = "One file kept with a ticket, as it was received")
    public ResponseEntity<byte[]> download(@PathVariable String tenant, @PathVariable UUID ticketId,
            @PathVariable UUID attachmentId) {
        TicketAttachment attachment = attachments.find(find(tenant, ticketId).ticketId(), attachmentId)
                .orElseThrow(() -> notFound(attachmentId));
        return ResponseEntity.ok()
                .contentType(mediaType(attachment.contentType()))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(attachment.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(attachments.content(attachment.attachmentId()));
    }

    private Ticket find(String tenant, UUID ticketId) {
        tenants.get(tenant);
        return tickets.find(tenant, ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
    }

    private static MediaType mediaType(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException unreadable) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private static ErrorResponseException notFound(UUID attachmentId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "The ticket has no attachment " + attachmentId + ".");
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
