package io.tierzero.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.tierzero.audit.search.AuditSearchUnavailableException;
import io.tierzero.audit.search.InvalidAuditQueryException;
import io.tierzero.communication.InvalidOutboxQueryException;
import io.tierzero.compliance.InvalidEvidencePackRequestException;
import io.tierzero.communication.MessageNotRetryableException;
import io.tierzero.communication.OutboxMessageNotFoundException;
import io.tierzero.intake.IdempotencyKeyReusedException;
import io.tierzero.ops.IncidentAlreadyResolvedException;
import io.tierzero.ops.IncidentNotFoundException;
import io.tierzero.escalation.NoEscalationPackageException;
import io.tierzero.remediation.NoAutomatedAttemptException;
import io.tierzero.selfservice.NotAwaitingAnswerException;
import io.tierzero.tasks.InvalidFormDataException;
import io.tierzero.tasks.SegregationOfDutiesException;
import io.tierzero.tasks.TaskConflictException;
import io.tierzero.tasks.TaskNotFoundException;
import io.tierzero.tenant.UnknownTenantException;
import io.tierzero.ticket.TicketNotFoundException;
import io.tierzero.triage.UnknownModelVersionException;
import io.tierzero.triage.drift.InvalidReportRequestException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error is an RFC 9457 problem detail that says what to fix. */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler({UnknownTenantException.class, TicketNotFoundException.class, TaskNotFoundException.class,
            UnknownModelVersionException.class, NoEscalationPackageException.class,
            OutboxMessageNotFoundException.class, NoAutomatedAttemptException.class, IncidentNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler({TaskConflictException.class, MessageNotRetryableException.class, NotAwaitingAnswerException.class,
            IncidentAlreadyResolvedException.class})
    ProblemDetail conflict(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler(SegregationOfDutiesException.class)
    ProblemDetail segregationOfDuties(SegregationOfDutiesException e) {
        return problem(HttpStatus.FORBIDDEN, "Segregation of duties", e.getMessage());
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused", e.getMessage());
    }

    @ExceptionHandler(InvalidOutboxQueryException.class)
    ProblemDetail invalidOutboxQuery(InvalidOutboxQueryException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid outbox query", e.getMessage());
    }

    @ExceptionHandler(InvalidAuditQueryException.class)
    ProblemDetail invalidAuditQuery(InvalidAuditQueryException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid audit search", e.getMessage());
    }

    @ExceptionHandler(InvalidEvidencePackRequestException.class)
    ProblemDetail invalidEvidencePackRequest(InvalidEvidencePackRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid evidence pack request", e.getMessage());
    }

    @ExceptionHandler(AuditSearchUnavailableException.class)
    ProblemDetail auditSearchUnavailable(AuditSearchUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Audit search unavailable", e.getMessage());
    }

    @ExceptionHandler(InvalidReportRequestException.class)
    ProblemDetail invalidReportRequest(InvalidReportRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid report request", e.getMessage());
    }

    @ExceptionHandler(InvalidFormDataException.class)
    ProblemDetail invalidFormData(InvalidFormDataException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid form data", e.getMessage());
        problem.setProperty("errors", e.fieldErrors());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request has invalid fields: " + String.join(", ", errors.keySet()) + ".");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        if (RequestSizeLimitFilter.isTooLarge(e)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(RequestSizeLimitFilter.tooLarge());
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Unreadable request", describe(e));
        return ResponseEntity.badRequest().body(problem);
    }

    private static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(constant -> constant.toString().toLowerCase())
                    .collect(Collectors.joining(", "));
            return "'" + invalid.getValue() + "' is not a valid value for " + path(invalid) + ": use one of " + allowed + ".";
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return "The value of " + path(mismatched) + " has the wrong type.";
        }
        return "The body is not valid JSON: " + cause.getMessage().lines().findFirst().orElse("") ;
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "the body" : "'" + path + "'";
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
