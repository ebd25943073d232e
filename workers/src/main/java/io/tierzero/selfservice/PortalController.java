package io.tierzero.selfservice;

import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.intake.SubmittedRequest;
import io.tierzero.ticket.Level;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The self-service portal's API: the signed-in requester's own requests. */
@RestController
@Validated
@RequestMapping("/api/tenants/{tenant}/my/requests")
public class PortalController {

    private final RequesterPortal portal;

    public PortalController(RequesterPortal portal) {
        this.portal = portal;
    }

    @GetMapping
    @Operation(summary = "The signed-in requester's requests, newest first (at most 100)")
    public List<RequesterPortal.RequestSummary> requests(@PathVariable String tenant, Principal requester) {
        return portal.requests(tenant, requester.getName());
    }

    @GetMapping("/{ticketId}")
    @Operation(summary = "One of the requester's requests: its state and the messages sent about it, automated ones marked")
    public RequesterPortal.PortalRequest request(@PathVariable String tenant, @PathVariable UUID ticketId, Principal requester) {
        return portal.request(tenant, requester.getName(), ticketId);
    }

    @PostMapping
    @Operation(summary = "Submit a request in the requester's own name",
            description = "A retry with the same Idempotency-Key returns the first ticket (200) instead of a new one.")
    public ResponseEntity<SubmittedRequest> submit(@PathVariable String tenant,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 128) String idempotencyKey,
            @Valid @RequestBody Submission submission, Principal requester) {
        SubmittedRequest submitted = portal.submit(tenant, requester.getName(), idempotencyKey,
                new RequesterPortal.PortalSubmission(submission.subject(), submission.body(), submission.impact(), submission.urgency()));
        return ResponseEntity.status(submitted.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/tenants/" + tenant + "/my/requests/" + submitted.ticketId()))
                .body(submitted);
    }

    @PostMapping("/{ticketId}/confirmation")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "The requester's answer to \"did this resolve your issue?\" (a resolved request only)")
    public void confirm(@PathVariable String tenant, @PathVariable UUID ticketId, @Valid @RequestBody Answer answer,
            Principal requester) {
        portal.answer(tenant, requester.getName(), ticketId, answer.resolved());
    }

    public record Submission(@NotBlank @Size(max = 255) String subject, @NotBlank @Size(max = 20_000) String body,
            Level impact, Level urgency) {
    }

    public record Answer(@NotNull Boolean resolved) {
    }
}
