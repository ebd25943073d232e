package io.tierzero.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/tenants/{tenant}/requests")
public class RequestController {

    private final IntakeService intake;

    public RequestController(IntakeService intake) {
        this.intake = intake;
    }

    @PostMapping
    @Operation(summary = "Submit a request", description = "Creates a ticket and starts its lifecycle. "
            + "A retry with the same Idempotency-Key returns the first ticket (200) instead of a new one.")
    public ResponseEntity<SubmittedRequest> submit(
            @PathVariable String tenant,
            @Parameter(description = "Client-chosen key that makes retries safe")
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 128) String idempotencyKey,
            @Valid @RequestBody NewRequest request) {
        SubmittedRequest submitted = intake.submit(tenant, idempotencyKey, request);
        URI location = URI.create("/api/tenants/" + tenant + "/tickets/" + submitted.ticketId());
        return ResponseEntity.status(submitted.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(location)
                .body(submitted);
    }
}
