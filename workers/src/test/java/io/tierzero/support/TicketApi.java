package io.tierzero.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The REST API as a client uses it, with waits for the asynchronous lifecycle. */
public final class TicketApi {

    private static final Duration LIFECYCLE_STEP = Duration.ofSeconds(30);

    private final TestRestTemplate http;
    private final String tenant;

    public TicketApi(TestRestTemplate http, String tenant) {
        this.http = http;
        this.tenant = tenant;
    }

    public ResponseEntity<JsonNode> post(String path, String json, Map<String, String> headers) {
        HttpHeaders httpHeaders = new HttpHeaders();
        httpHeaders.setContentType(MediaType.APPLICATION_JSON);
        headers.forEach(httpHeaders::add);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, httpHeaders), JsonNode.class);
    }

    public String submit(String requestJson) {
        ResponseEntity<JsonNode> response = post("/api/tenants/" + tenant + "/requests", requestJson, Map.of());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("ticketId").asText();
    }

    public JsonNode ticket(String ticketId) {
        return http.getForObject("/api/tenants/" + tenant + "/tickets/" + ticketId, JsonNode.class);
    }

    public JsonNode awaitTicket(String ticketId, Predicate<JsonNode> condition) {
        return await().atMost(LIFECYCLE_STEP).pollInterval(Duration.ofMillis(100))
                .until(() -> ticket(ticketId), view -> view != null && condition.test(view));
    }

    public JsonNode awaitState(String ticketId, String state) {
        return awaitTicket(ticketId, view -> state.equals(view.path("ticket").path("state").asText()));
    }

    public List<JsonNode> tasks(String query) {
        JsonNode tasks = http.getForObject("/api/tenants/" + tenant + "/tasks" + query, JsonNode.class);
        return StreamSupport.stream(tasks.spliterator(), false).toList();
    }

    /** Waits until the ticket has an open task and returns it. */
    public JsonNode awaitOpenTask(String ticketId) {
        return await().atMost(LIFECYCLE_STEP).pollInterval(Duration.ofMillis(100))
                .until(() -> tasks("?state=open").stream()
                        .filter(task -> task.path("ticketId").asText().equals(ticketId))
                        .findFirst().orElse(null), task -> task != null);
    }

    /** The agent (one of {@link TestAccounts}) claims the task, signed in as themselves. */
    public ResponseEntity<JsonNode> claim(JsonNode task, String agent) {
        return as(agent).post(taskPath(task) + "/claim", "", Map.of());
    }

    public ResponseEntity<JsonNode> complete(JsonNode task, String agent, String formDataJson) {
        return as(agent).post(taskPath(task) + "/complete", "{\"formData\": " + formDataJson + "}", Map.of());
    }

    /** The same API, signed in as another of {@link TestAccounts}. */
    public TicketApi as(String user) {
        return new TicketApi(http.withBasicAuth(user, TestAccounts.PASSWORD), tenant);
    }

    public ResponseEntity<JsonNode> answerConfirmation(String ticketId, boolean resolved) {
        return post("/api/tenants/" + tenant + "/tickets/" + ticketId + "/confirmation",
                "{\"resolved\": " + resolved + "}", Map.of());
    }

    public ResponseEntity<JsonNode> replyAsCustomer(String ticketId, String text) {
        return post("/api/tenants/" + tenant + "/tickets/" + ticketId + "/customer-reply",
                "{\"text\": \"" + text + "\"}", Map.of());
    }

    public static List<String> actions(JsonNode ticketView) {
        return StreamSupport.stream(ticketView.path("history").spliterator(), false)
                .map(event -> event.path("action").asText()).toList();
    }

    private String taskPath(JsonNode task) {
        return "/api/tenants/" + tenant + "/tasks/" + task.path("taskId").asText();
    }
}
