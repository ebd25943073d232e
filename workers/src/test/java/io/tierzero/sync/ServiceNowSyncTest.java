package io.tierzero.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.tierzero.support.ModelDrivenApp;
import io.tierzero.support.Requests;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sync with ServiceNow through the running application, ServiceNow stubbed by its documented Table API:
 * a push from a business rule opens a request, and TierZero's own requests reach ServiceNow exactly once
 * through a lost answer, rate limiting and server errors.
 */
class ServiceNowSyncTest {

    private static final String CONNECTION = "servicenow:snow";
    private static final String PUSH_SECRET = "push-secret";
    private static final String RECORD = """
            {"sys_id": "%s", "number": "INC0010001", "short_description": "%s", "description": "Raised in ServiceNow",
             "state": "1", "impact": "2", "urgency": "2", "correlation_id": "%s", "correlation_display": "%s",
             "sys_mod_count": "7", "sys_updated_on": "2026-12-02 10:00:00", "caller_id": ""}""";

    private static WireMockServer servicenow;
    private static ModelDrivenApp app;
    private static JdbcClient jdbc;

    @BeforeAll
    static void startServiceNowStubAndTierZero() {
        servicenow = new WireMockServer(wireMockConfig().dynamicPort());
        servicenow.start();
        stubServiceNow();
        app = new ModelDrivenApp(Map.ofEntries(
                Map.entry("tierzero.connections.demo.snow.type", "servicenow"),
                Map.entry("tierzero.connections.demo.snow.base-url", servicenow.baseUrl()),
                Map.entry("tierzero.connections.demo.snow.username", "tierzero.integration"),
                Map.entry("tierzero.connections.demo.snow.secret", "s3cret"),
                Map.entry("tierzero.connections.demo.snow.scope", "incident"),
                Map.entry("tierzero.connections.demo.snow.poll-interval", "PT1H"),
                Map.entry("tierzero.connections.demo.snow.export-new-tickets", "true"),
                Map.entry("tierzero.connections.demo.snow.inbound-secret", PUSH_SECRET),
                Map.entry("tierzero.sync.relay-interval", "PT0.5S"),
                Map.entry("tierzero.sync.dispatch-interval", "PT0.5S"),
                Map.entry("tierzero.sync.retry-backoff", "PT1S"),
                Map.entry("tierzero.sync.max-backoff", "PT2S")));
        jdbc = app.bean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (servicenow != null) {
            servicenow.stop();
        }
    }

    /**
     * The create is taken by ServiceNow but its answer is lost (500); the retry finds the record by its
     * correlation id instead of creating a second one. Every update is rate-limited once (429) before it passes.
     */
    private static void stubServiceNow() {
        String created = RECORD.formatted("sn-created", "Created by TierZero", "DEMO", "TierZero");
        servicenow.stubFor(get(urlPathEqualTo("/api/now/table/incident")).atPriority(10)
                .willReturn(okJson("{\"result\": []}").withHeader("X-Total-Count", "0")));
        servicenow.stubFor(get(urlPathEqualTo("/api/now/table/sys_user")).willReturn(okJson("{\"result\": []}")));
        servicenow.stubFor(get(urlPathEqualTo("/api/now/table/sys_journal_field")).willReturn(okJson("{\"result\": []}")));
        servicenow.stubFor(post(urlPathEqualTo("/api/now/table/incident")).inScenario("create")
                .whenScenarioStateIs(STARTED).willReturn(serverError()).willSetStateTo("taken"));
        servicenow.stubFor(post(urlPathEqualTo("/api/now/table/incident")).inScenario("create")
                .whenScenarioStateIs("taken").willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody("{\"result\": " + created + "}")));
        servicenow.stubFor(get(urlPathEqualTo("/api/now/table/incident")).atPriority(1)
                .withQueryParam("sysparm_query", containing("correlation_id=")).inScenario("create")
                .whenScenarioStateIs("taken").willReturn(okJson("{\"result\": [" + created + "]}")));
        servicenow.stubFor(get(urlPathMatching("/api/now/table/incident/.+"))
                .willReturn(okJson("{\"result\": {\"sys_id\": \"sn-created\", \"sys_mod_count\": \"7\"}}")));
        servicenow.stubFor(patch(urlPathMatching("/api/now/table/incident/.+")).inScenario("rate limit")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("passed"));
        servicenow.stubFor(patch(urlPathMatching("/api/now/table/incident/.+")).inScenario("rate limit")
                .whenScenarioStateIs("passed").willReturn(okJson("{\"result\": " + created + "}")));
    }

    @Test
    void aBusinessRulePushOpensARequestAndAWrongSecretIsRefused() {
        String sysId = "sn-" + UUID.randomUUID();
        String record = RECORD.formatted(sysId, "Outlook keeps asking for my password", "", "");

        var refused = push(record, "not-the-secret");
        var accepted = push(record, PUSH_SECRET);
        var again = push(record, PUSH_SECRET);

        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        assertThat(again.getStatusCode().value()).isEqualTo(202);
        UUID ticketId = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select ticket_id from sync_links where connection_id = ? and external_id = ?")
                .params(CONNECTION, sysId).query(UUID.class).optional().orElse(null), id -> id != null);
        assertThat(jdbc.sql("select subject from tickets where ticket_id = ?").param(ticketId).query(String.class).single())
                .isEqualTo("Outlook keeps asking for my password");
        assertThat(jdbc.sql("select count(*) from sync_links where connection_id = ? and external_id = ?")
                .params(CONNECTION, sysId).query(Long.class).single()).isOne();
    }

    @Test
    void aRequestReachesServiceNowOnceThroughALostAnswerRateLimitingAndRetries() {
        UUID ticketId = UUID.fromString(app.api().submit(Requests.passwordReset("Exported to ServiceNow")));

        String sysId = await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                        "select external_id from sync_links where connection_id = ? and ticket_id = ?")
                .params(CONNECTION, ticketId).query(String.class).optional().orElse(null), id -> id != null);
        assertThat(sysId).isEqualTo("sn-created");
        servicenow.verify(1, postRequestedFor(urlPathEqualTo("/api/now/table/incident")));
        servicenow.verify(getRequestedFor(urlPathEqualTo("/api/now/table/incident"))
                .withQueryParam("sysparm_query", containing("correlation_id=")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(servicenow.countRequestsMatching(patchRequestedFor(urlPathMatching("/api/now/table/incident/sn-created"))
                    .build()).getCount()).isGreaterThanOrEqualTo(2);
            assertThat(jdbc.sql("select count(*) from sync_outbox where ticket_id = ? and state <> 'sent'")
                    .param(ticketId).query(Long.class).single()).isZero();
        });
        servicenow.verify(1, postRequestedFor(urlPathEqualTo("/api/now/table/incident")));
        assertThat(jdbc.sql("select count(*) from sync_outbox where connection_id = ? and state = 'dead'")
                .param(CONNECTION).query(Long.class).single()).isZero();
    }

    private static ResponseEntity<JsonNode> push(String record, String secret) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(secret);
        return app.http().postForEntity("/integrations/tenants/demo/servicenow/snow/events", new HttpEntity<>(record, headers),
                JsonNode.class);
    }
}
