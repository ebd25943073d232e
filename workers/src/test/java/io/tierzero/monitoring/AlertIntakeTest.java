package io.tierzero.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.TicketApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Monitoring webhooks into the running product: Alertmanager's recorded webhook bodies, Zabbix and Datadog
 * deliveries become incidents, deduplicated by fingerprint and grouped per configuration item in a storm.
 */
class AlertIntakeTest extends EmbeddedStackTest {

    /** Alertmanager 0.25's webhook bodies, from the shared specs beside the repository (tests run in workers/). */
    static final Path SAMPLES = Path.of("").toAbsolutePath().getParent()
            .resolve("../shared/specs/alertmanager-0.25-webhook-samples.jsonl").normalize();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tenant = ALERT_TEST_TENANT;
    private TicketApi api;

    @BeforeEach
    void ownTenant() {
        jdbc.sql("insert into tenants (tenant_id, name, service_tier, region) values (?, 'Alert test', 'gold', 'emea') on conflict do nothing")
                .param(tenant).update();
        api = new TicketApi(http, tenant);
    }

    @Test
    void eachFingerprintOpensOneIncidentAndARepeatUpdatesItWithoutFloodingTheHistory() throws IOException {
        String host = unique("db");
        String firing = sample(0, unique("fp"), host);

        JsonNode opened = accepted(deliver("alertmanager", firing));
        JsonNode repeated = accepted(deliver("alertmanager", firing));
        JsonNode repeatedAgain = accepted(deliver("alertmanager", firing));

        assertThat(opened.path("alerts").asInt()).isEqualTo(1);
        assertThat(actionOf(opened)).isEqualTo("opened");
        String ticketId = ticketOf(opened);
        assertThat(List.of(actionOf(repeated), actionOf(repeatedAgain))).containsOnly("updated");
        assertThat(List.of(ticketOf(repeated), ticketOf(repeatedAgain))).containsOnly(ticketId);
        JsonNode ticket = api.ticket(ticketId).path("ticket");
        assertThat(ticket.path("kind").asText()).isEqualTo("incident");
        assertThat(ticket.path("channel").asText()).isEqualTo("monitoring");
        assertThat(ticket.path("requesterId").asText()).isEqualTo("alertmanager");
        assertThat(ticket.path("subject").asText()).isEqualTo("DiskFull on " + host);
        assertThat(ticket.path("body").asText()).contains("/var 98% full").contains("instance: " + host + ":9100");
        assertThat(ticket.path("impact").asText()).isEqualTo("high");
        assertThat(ticket.path("urgency").asText()).isEqualTo("high");
        JsonNode alerts = incidentAlerts(ticketId);
        assertThat(alerts.path("alertCount").asInt()).isEqualTo(1);
        assertThat(alerts.path("alerts").get(0).path("repeatCount").asInt()).isEqualTo(2);
        assertThat(actions(ticketId)).as("the first repeat is written, the next within the hour only counted")
                .containsOnlyOnce("monitoring.alert-repeated");

        JsonNode other = accepted(deliver("alertmanager", sample(0, unique("fp"), unique("db"))));
        assertThat(actionOf(other)).isEqualTo("opened");
        assertThat(ticketOf(other)).isNotEqualTo(ticketId);
    }

    @Test
    void aResolvedAlertAnnotatesItsIncidentOnce() throws IOException {
        String fingerprint = unique("fp");
        String host = unique("db");
        String ticketId = ticketOf(accepted(deliver("alertmanager", sample(0, fingerprint, host))));

        JsonNode resolved = accepted(deliver("alertmanager", sample(1, fingerprint, host)));
        JsonNode redelivered = accepted(deliver("alertmanager", sample(1, fingerprint, host)));

        assertThat(actionOf(resolved)).isEqualTo("resolved-annotated");
        assertThat(ticketOf(resolved)).isEqualTo(ticketId);
        assertThat(actionOf(redelivered)).isEqualTo("ignored");
        assertThat(actions(ticketId)).containsOnlyOnce("monitoring.alert-resolved", "monitoring.all-alerts-resolved");
        JsonNode alerts = incidentAlerts(ticketId);
        assertThat(alerts.path("firing").asInt()).isZero();
        assertThat(alerts.path("allResolvedAt").isTextual()).isTrue();
        assertThat(alerts.path("alerts").get(0).path("endsAt").asText()).isEqualTo("2026-11-22T10:49:13Z");
        assertThat(list("?state=resolved")).extracting(alert -> alert.path("fingerprint").asText()).contains(fingerprint);
        assertThat(list("?state=firing")).extracting(alert -> alert.path("fingerprint").asText()).doesNotContain(fingerprint);

        JsonNode neverSeen = accepted(deliver("alertmanager", sample(1, unique("fp"), unique("db"))));
        assertThat(actionOf(neverSeen)).isEqualTo("ignored");
        assertThat(neverSeen.path("outcomes").get(0).has("ticketId")).isFalse();
    }

    @Test
    void anAlertStormOnOneHostIsOneIncidentGroupingEveryAlert() throws Exception {
        String host = unique("web");
        List<Callable<ResponseEntity<JsonNode>>> storm = new ArrayList<>();
        for (String alertName : List.of("DiskFull", "HighLoad", "SwapFull", "NodeExporterDown", "HttpErrors")) {
            String payload = sample(0, unique("fp"), host).replace("DiskFull", alertName);
            storm.add(() -> deliver("alertmanager", payload));
        }

        List<JsonNode> replies = all(storm).stream().map(AlertIntakeTest::accepted).toList();

        assertThat(replies).extracting(AlertIntakeTest::ticketOf).containsOnly(ticketOf(replies.getFirst()));
        assertThat(replies).extracting(AlertIntakeTest::actionOf)
                .containsExactlyInAnyOrder("opened", "correlated", "correlated", "correlated", "correlated");
        String ticketId = ticketOf(replies.getFirst());
        JsonNode alerts = incidentAlerts(ticketId);
        assertThat(alerts.path("alertCount").asInt()).isEqualTo(5);
        assertThat(alerts.path("alerts")).hasSize(5);
        assertThat(alerts.path("firing").asInt()).isEqualTo(5);
        assertThat(actions(ticketId).stream().filter("monitoring.alert-correlated"::equals)).hasSize(4);
    }

    @Test
    void concurrentDeliveriesOfTheSameAlertOpenOneIncident() throws Exception {
        String fingerprint = unique("fp");
        String payload = sample(0, fingerprint, unique("db"));
        List<Callable<ResponseEntity<JsonNode>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            deliveries.add(() -> deliver("alertmanager", payload));
        }

        List<JsonNode> replies = all(deliveries).stream().map(AlertIntakeTest::accepted).toList();

        assertThat(replies).extracting(AlertIntakeTest::ticketOf).containsOnly(ticketOf(replies.getFirst()));
        assertThat(replies).extracting(AlertIntakeTest::actionOf).containsOnlyOnce("opened");
        assertThat(jdbc.sql("select count(*) from ticket_external_refs where tenant_id = ? and external_id like ?")
                .params(tenant, fingerprint + "@%").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from monitoring_incidents where tenant_id = ? and opened_by_fingerprint = ?")
                .params(tenant, fingerprint).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void zabbixAndDatadogProblemsOpenIncidentsThatTheirRecoveriesAnnotate() {
        String eventId = Long.toString(System.nanoTime());
        String host = unique("app");
        String zabbix = """
                {"event_id": "%s", "event_value": "%s", "event_name": "Zabbix agent is not available",
                 "trigger_severity": "Average", "host": "%s", "event_tags": "[{\\"tag\\":\\"scope\\",\\"value\\":\\"availability\\"}]",
                 "event_date": "2026.11.22", "event_time": "10:49:10", "recovery_date": "2026.11.22", "recovery_time": "10:59:10"}""";
        JsonNode problem = accepted(deliver("zabbix", zabbix.formatted(eventId, "1", host)));
        JsonNode recovery = accepted(deliver("zabbix", zabbix.formatted(eventId, "0", host)));

        assertThat(actionOf(problem)).isEqualTo("opened");
        assertThat(actionOf(recovery)).isEqualTo("resolved-annotated");
        assertThat(ticketOf(recovery)).isEqualTo(ticketOf(problem));
        JsonNode zabbixTicket = api.ticket(ticketOf(problem)).path("ticket");
        assertThat(zabbixTicket.path("requesterId").asText()).isEqualTo("zabbix");
        assertThat(zabbixTicket.path("impact").asText()).isEqualTo("medium");

        String datadog = """
                {"id": "%s", "alert_id": "1234", "aggreg_key": "%s", "alert_transition": "%s", "hostname": "%s",
                 "alert_title": "[%s on {host:%s}] Host is down", "event_msg": "No heartbeat for 5 minutes",
                 "priority": "normal", "tags": "env:prod", "date": "1795344550000"}""";
        String aggregationKey = unique("dd");
        String datadogHost = unique("dd-host");
        JsonNode triggered = accepted(deliver("datadog", datadog.formatted("1", aggregationKey, "Triggered", datadogHost, "Triggered", datadogHost)));
        JsonNode recovered = accepted(deliver("datadog", datadog.formatted("2", aggregationKey, "Recovered", datadogHost, "Recovered", datadogHost)));

        assertThat(actionOf(triggered)).isEqualTo("opened");
        assertThat(actionOf(recovered)).isEqualTo("resolved-annotated");
        assertThat(ticketOf(recovered)).isEqualTo(ticketOf(triggered));
        assertThat(api.ticket(ticketOf(triggered)).path("ticket").path("subject").asText()).isEqualTo("Host is down on " + datadogHost);
        assertThat(actions(ticketOf(triggered))).contains("monitoring.alert-resolved");
    }

    @Test
    void anAlertFiringAgainAfterItsIncidentClosedOpensANewIncidentNamingTheOldOne() throws IOException {
        String fingerprint = unique("fp");
        String host = unique("file");
        String warning = sample(0, fingerprint, host).replace("\"critical\"", "\"warning\"");
        JsonNode first = accepted(deliver("alertmanager", warning));
        String firstTicket = ticketOf(first);
        JsonNode diagnose = api.awaitOpenTask(firstTicket);
        api.claim(diagnose, "agent.ops");
        api.complete(diagnose, "agent.ops", "{\"resolutionNotes\": \"Rotated the logs\"}");
        String firstReference = api.awaitState(firstTicket, "closed").path("ticket").path("referenceNumber").asText();
        accepted(deliver("alertmanager", sample(1, fingerprint, host)));

        JsonNode again = accepted(deliver("alertmanager", warning.replace("2026-11-22T10:49:10.705701619Z", "2026-11-22T12:00:00Z")));

        assertThat(actionOf(again)).isEqualTo("opened");
        assertThat(ticketOf(again)).isNotEqualTo(firstTicket);
        assertThat(api.ticket(ticketOf(again)).path("ticket").path("body").asText())
                .contains("This alert fired before: incident " + firstReference);
        assertThat(incidentAlerts(ticketOf(again)).path("previousTicketId").asText()).isEqualTo(firstTicket);
    }

    @Test
    void deliveriesWithoutTheTokenForAnUnknownTenantOrWithBadBodiesAreRefusedWithProblemDetails() throws IOException {
        String fingerprint = unique("fp");
        String payload = sample(0, fingerprint, unique("db"));

        ResponseEntity<JsonNode> wrongToken = deliver("alertmanager", payload, "Bearer not-the-token", tenant);
        ResponseEntity<JsonNode> noToken = deliver("alertmanager", payload, null, tenant);
        ResponseEntity<JsonNode> unknownTenant = deliver("alertmanager", payload, "Bearer " + ALERT_TEST_TOKEN, "no-such-tenant");
        ResponseEntity<JsonNode> notJson = deliver("zabbix", "{\"event_id\": ", "Bearer " + ALERT_TEST_TOKEN, tenant);
        ResponseEntity<JsonNode> notAnObject = deliver("datadog", "[]", "Bearer " + ALERT_TEST_TOKEN, tenant);
        ObjectNode withoutName = (ObjectNode) JSON.readTree(payload);
        ((ObjectNode) withoutName.get("alerts").get(0).get("labels")).remove("alertname");
        ResponseEntity<JsonNode> missingField = deliver("alertmanager", JSON.writeValueAsString(withoutName),
                "Bearer " + ALERT_TEST_TOKEN, tenant);

        assertProblem(wrongToken, HttpStatus.UNAUTHORIZED, "not the tenant's monitoring token");
        assertThat(wrongToken.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)).as("the token is not echoed").isFalse();
        assertProblem(noToken, HttpStatus.UNAUTHORIZED, "Authorization: Bearer");
        assertProblem(unknownTenant, HttpStatus.NOT_FOUND, "no-such-tenant");
        assertProblem(notJson, HttpStatus.BAD_REQUEST, "not valid JSON");
        assertProblem(notAnObject, HttpStatus.BAD_REQUEST, "must be a JSON object");
        assertProblem(missingField, HttpStatus.BAD_REQUEST, "'alerts[0].labels.alertname' is missing.");
        assertThat(jdbc.sql("select count(*) from monitoring_alerts where fingerprint = ?").param(fingerprint)
                .query(Integer.class).single()).isZero();
        assertProblem(http.exchange("/api/tenants/" + tenant + "/alerts?state=burning", HttpMethod.GET, null, JsonNode.class),
                HttpStatus.BAD_REQUEST, "use firing or resolved");
    }

    /** A recorded Alertmanager body (line 0 firing, line 1 resolved) for an alert of our own on a host of our own. */
    private static String sample(int line, String fingerprint, String host) throws IOException {
        String recorded = Files.readAllLines(SAMPLES).stream().filter(l -> !l.isBlank()).toList().get(line);
        ObjectNode payload = (ObjectNode) JSON.readTree(recorded.replace("db01", host));
        ((ObjectNode) payload.get("alerts").get(0)).put("fingerprint", fingerprint);
        return JSON.writeValueAsString(payload);
    }

    private ResponseEntity<JsonNode> deliver(String source, String body) {
        return deliver(source, body, "Bearer " + ALERT_TEST_TOKEN, tenant);
    }

    private ResponseEntity<JsonNode> deliver(String source, String body, String authorization, String toTenant) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        return http.exchange("/integrations/tenants/" + toTenant + "/alerts/" + source, HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static JsonNode accepted(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return response.getBody();
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String detail) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().path("title").asText()).isNotBlank();
        assertThat(response.getBody().path("detail").asText()).contains(detail);
    }

    private static String actionOf(JsonNode reply) {
        return reply.path("outcomes").get(0).path("action").asText();
    }

    private static String ticketOf(JsonNode reply) {
        return reply.path("outcomes").get(0).path("ticketId").asText();
    }

    private JsonNode incidentAlerts(String ticketId) {
        return http.getForObject("/api/tenants/" + tenant + "/tickets/" + ticketId + "/alerts", JsonNode.class);
    }

    private List<JsonNode> list(String query) {
        JsonNode alerts = http.getForObject("/api/tenants/" + tenant + "/alerts" + query, JsonNode.class);
        return StreamSupport.stream(alerts.spliterator(), false).toList();
    }

    private List<String> actions(String ticketId) {
        return TicketApi.actions(api.ticket(ticketId));
    }

    /** Sends every delivery at the same moment. */
    private static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(calls.size())) {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
