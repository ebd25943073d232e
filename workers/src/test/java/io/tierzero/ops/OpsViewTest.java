package io.tierzero.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.FlakyStep;
import io.tierzero.support.Requests;
import io.tierzero.support.TestAccounts;
import io.tierzero.support.TicketApi;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The ops view on the real in-memory engine: a step's job fails until its retries run out, the engine raises an
 * incident, operations staff see it (with its ticket and where the instance waits) and retry it, and the
 * instance goes on.
 */
class OpsViewTest extends EmbeddedStackTest {

    private static final Duration ENGINE = Duration.ofSeconds(30);

    @Autowired
    private CamundaClient camunda;

    @Test
    void aJobFailsUntilAnIncidentIsRaisedAndARetryLetsTheInstanceGoOn() {
        TicketApi api = new TicketApi(http, "demo");
        String ticketId = api.submit(Requests.passwordReset("Backup check failing"));
        String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();

        try (FlakyStep step = new FlakyStep(camunda, 2, Duration.ofSeconds(3))) {
            long instance = step.start(Map.of("tenantId", "demo", "ticketId", ticketId, "referenceNumber", reference));

            JsonNode failing = await().atMost(ENGINE).pollInterval(Duration.ofMillis(100))
                    .until(() -> find("/api/ops/failed-jobs", "processInstanceKey", instance), Optional::isPresent).orElseThrow();
            assertThat(failing.path("jobType").asText()).isEqualTo(step.jobType());
            assertThat(failing.path("retriesLeft").asInt()).isOne();
            assertThat(failing.path("errorMessage").asText()).isEqualTo(FlakyStep.ERROR_MESSAGE);
            assertThat(failing.path("elementId").asText()).isEqualTo(FlakyStep.ELEMENT_ID);
            assertThat(failing.path("ticket").path("ticketId").asText()).isEqualTo(ticketId);

            JsonNode incident = await().atMost(ENGINE).pollInterval(Duration.ofMillis(100))
                    .until(() -> find("/api/ops/incidents", "processInstanceKey", instance), Optional::isPresent).orElseThrow();
            assertThat(incident.path("bpmnProcessId").asText()).isEqualTo(step.processId());
            assertThat(incident.path("elementId").asText()).isEqualTo(FlakyStep.ELEMENT_ID);
            assertThat(incident.path("jobType").asText()).isEqualTo(step.jobType());
            assertThat(incident.path("errorType").asText()).isEqualTo("JOB_NO_RETRIES");
            assertThat(incident.path("errorMessage").asText()).isEqualTo(FlakyStep.ERROR_MESSAGE);
            assertThat(incident.path("createdAt").asText()).isNotBlank();
            assertThat(incident.path("ticket").path("tenantId").asText()).isEqualTo("demo");
            assertThat(incident.path("ticket").path("ticketId").asText()).isEqualTo(ticketId);
            assertThat(incident.path("ticket").path("referenceNumber").asText()).isEqualTo(reference);
            assertThat(find("/api/ops/failed-jobs", "processInstanceKey", instance))
                    .as("a job without retries left is an incident, no longer a failing job").isEmpty();

            JsonNode process = find("/api/ops/processes", "bpmnProcessId", step.processId()).orElseThrow();
            assertThat(process.path("activeInstances").asLong()).isOne();
            assertThat(process.path("elements")).hasSize(1);
            JsonNode waitingAt = process.path("elements").get(0);
            assertThat(waitingAt.path("elementId").asText()).isEqualTo(FlakyStep.ELEMENT_ID);
            assertThat(waitingAt.path("elementName").asText()).isEqualTo(FlakyStep.ELEMENT_NAME);
            assertThat(waitingAt.path("activeInstances").asLong()).isOne();

            step.recover();
            long incidentKey = incident.path("incidentKey").asLong();
            ResponseEntity<JsonNode> retried = retry(incidentKey);
            assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(retried.getBody().path("retries").asInt()).isOne();
            assertThat(retried.getBody().path("auditedTicketId").asText()).isEqualTo(ticketId);

            long jobKey = incident.path("jobKey").asLong();
            await().atMost(ENGINE).pollInterval(Duration.ofMillis(100)).until(() -> step.completed(jobKey));
            await().atMost(ENGINE).pollInterval(Duration.ofMillis(100)).until(() ->
                    find("/api/ops/processes", "bpmnProcessId", step.processId()).orElseThrow().path("activeInstances").asLong() == 0);
            assertThat(find("/api/ops/processes", "bpmnProcessId", step.processId()).orElseThrow().path("elements")).isEmpty();
            assertThat(find("/api/ops/incidents", "incidentKey", incidentKey)).isEmpty();

            JsonNode audited = StreamSupport.stream(api.ticket(ticketId).path("history").spliterator(), false)
                    .filter(event -> event.path("action").asText().equals("process.incident-retried")).findFirst().orElseThrow();
            assertThat(audited.path("actorId").asText()).isEqualTo("ops.olga");
            assertThat(audited.path("actorKind").asText()).isEqualTo("human");
            assertThat(audited.path("reason").asText()).contains(FlakyStep.ELEMENT_ID, FlakyStep.ERROR_MESSAGE);

            ResponseEntity<JsonNode> again = retry(incidentKey);
            assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(again.getBody().path("detail").asText()).contains("already resolved");
            assertThat(TicketApi.actions(api.ticket(ticketId)).stream().filter("process.incident-retried"::equals))
                    .as("a refused retry is not audited").hasSize(1);
        }
    }

    @Test
    void aRetryNeedsAKnownIncidentAndTheOpsRole() {
        ResponseEntity<JsonNode> unknown = retry(4_503_599_627_370_496L);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("detail").asText()).isEqualTo("There is no incident 4503599627370496.");

        assertThat(anonymous.withBasicAuth("agent.rita", TestAccounts.PASSWORD)
                .postForEntity("/api/ops/incidents/4503599627370496/retry", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> notAKey = opsOlga().postForEntity("/api/ops/incidents/abc/retry", null, JsonNode.class);
        assertThat(notAKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notAKey.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    private Optional<JsonNode> find(String path, String field, Object value) {
        JsonNode rows = http.getForObject(path, JsonNode.class);
        return StreamSupport.stream(rows.spliterator(), false)
                .filter(row -> row.path(field).asText().equals(String.valueOf(value))).findFirst();
    }

    private ResponseEntity<JsonNode> retry(long incidentKey) {
        return opsOlga().postForEntity("/api/ops/incidents/" + incidentKey + "/retry", null, JsonNode.class);
    }

    /** The embedded default's demo operations account. */
    private TestRestTemplate opsOlga() {
        return anonymous.withBasicAuth("ops.olga", "demo");
    }
}
