package io.tierzero.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.Requests;
import io.tierzero.support.TicketApi;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class RequestIntakeTest extends EmbeddedStackTest {

    private TicketApi api;

    @BeforeEach
    void api() {
        api = new TicketApi(http, "demo");
    }

    @Test
    void aNewRequestIsStoredAuditedAndWaitsForAHumanWhenNoModelIsActive() {
        ResponseEntity<JsonNode> response = api.post("/api/tenants/demo/requests", Requests.passwordReset("Password reset please"), Map.of());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String ticketId = response.getBody().get("ticketId").asText();
        assertThat(response.getBody().get("referenceNumber").asText()).matches("DEMO-\\d{6}");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/tenants/demo/tickets/" + ticketId);

        JsonNode task = api.awaitOpenTask(ticketId);
        assertThat(task.path("name").asText()).isNotBlank();
        assertThat(task.path("candidateGroup").asText()).isNotBlank();
        assertThat(task.path("formId").asText()).isEqualTo("work-on-request");

        JsonNode view = api.awaitState(ticketId, "assigned");
        JsonNode ticket = view.path("ticket");
        assertThat(ticket.path("priority").asText()).isEqualTo("P3");
        assertThat(ticket.path("categoryConfidence").asDouble()).isZero();
        assertThat(ticket.path("assignmentGroup").asText()).isEqualTo(task.path("candidateGroup").asText());
        assertThat(ticket.path("resolutionDueAt").asText()).isNotBlank();
        assertThat(TicketApi.actions(view)).containsSubsequence("ticket.created", "communication.queued",
                "triage.classified", "knowledge.runbooks-searched", "sla.clock-started", "routing.assigned", "task.created");
        assertThat(view.path("history").get(0).path("toState").asText()).isEqualTo("new");
        assertThat(view.path("history").findValuesAsText("hash")).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstTicket() {
        String key = UUID.randomUUID().toString();
        String body = Requests.passwordReset("Locked out");

        ResponseEntity<JsonNode> first = api.post("/api/tenants/demo/requests", body, Map.of("Idempotency-Key", key));
        ResponseEntity<JsonNode> retry = api.post("/api/tenants/demo/requests", body, Map.of("Idempotency-Key", key));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retry.getBody().get("ticketId")).isEqualTo(first.getBody().get("ticketId"));
        assertThat(jdbc.sql("select count(*) from tickets where subject = 'Locked out'").query(Long.class).single()).isOne();
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        api.post("/api/tenants/demo/requests", Requests.passwordReset("First use"), Map.of("Idempotency-Key", key));

        ResponseEntity<JsonNode> reuse = api.post("/api/tenants/demo/requests", Requests.passwordReset("Other request"),
                Map.of("Idempotency-Key", key));

        assertThat(reuse.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(reuse.getBody().path("detail").asText()).contains(key);
        assertThat(jdbc.sql("select count(*) from tickets where subject = 'Other request'").query(Long.class).single()).isZero();
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        JsonNode apiDocs = http.getForObject("/v3/api-docs", JsonNode.class);

        assertThat(apiDocs.path("paths").has("/api/tenants/{tenant}/requests")).isTrue();
        assertThat(apiDocs.path("paths").has("/api/tenants/{tenant}/tasks/{taskId}/complete")).isTrue();
        assertThat(apiDocs.path("paths").has("/api/tenants/{tenant}/audit/verification")).isTrue();
    }

    static Iterable<Arguments> badRequests() {
        String valid = Requests.passwordReset("Bad input case");
        return java.util.List.of(
                Arguments.of("malformed JSON", "demo", "{\"channel\": \"portal\", ", 400, "not valid JSON"),
                Arguments.of("unknown tenant", "no-such-tenant", valid, 404, "no-such-tenant"),
                Arguments.of("missing subject and requester", "demo",
                        "{\"channel\": \"portal\", \"body\": \"help\"}", 400, "subject"),
                Arguments.of("wrong enum value", "demo", valid.replace("\"urgency\": \"high\"", "\"urgency\": \"asap\""),
                        400, "'asap' is not a valid value for 'urgency': use one of high, medium, low"),
                Arguments.of("oversized body", "demo",
                        valid.replace("I forgot my password", "x".repeat(70_000)), 413, "larger than the limit"),
                Arguments.of("invalid e-mail", "demo", valid.replace("ana.silva@demo.example", "not-an-email"), 400,
                        "requester.email"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputGetsAProblemDetailAndNothingIsStored(String name, String tenant, String body, int status, String detail) {
        long ticketsBefore = countTickets();

        ResponseEntity<JsonNode> response = api.post("/api/tenants/" + tenant + "/requests", body, Map.of());

        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().toString()).contains(detail);
        assertThat(countTickets()).isEqualTo(ticketsBefore);
    }

    private long countTickets() {
        return jdbc.sql("select count(*) from tickets").query(Long.class).single();
    }
}
