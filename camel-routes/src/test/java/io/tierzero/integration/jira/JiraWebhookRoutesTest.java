package io.tierzero.integration.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.tierzero.integration.ConnectionProperties;
import io.tierzero.integration.ConnectorType;
import io.tierzero.integration.Connections;
import io.tierzero.integration.ExternalTicket;
import io.tierzero.integration.http.ExternalCallSettings;
import io.tierzero.integration.http.HmacSha256;
import io.tierzero.integration.http.InboundSecrets;
import io.tierzero.integration.http.JsonApiCalls;
import io.tierzero.integration.http.RecordingInboundTickets;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Jira's webhooks to TierZero: the signature over the raw body, the answers, and what reaches the sync. */
class JiraWebhookRoutesTest {

    static final String SECRET = "It's a Secret to Everybody";
    static final String ISSUE_UPDATED = """
            {"timestamp":1796202930000,"webhookEvent":"jira:issue_updated","issue_event_type_name":"issue_generic",
             "user":{"accountId":"5b10a2844c20165700ede21g","displayName":"Mia Krystof"},
             "issue":{"id":"10042","key":"OPS-42","fields":{"summary":"Café VPN drops","status":{"name":"In Progress",
               "statusCategory":{"key":"indeterminate"}},"priority":{"name":"Highest"},"labels":["tierzero-TZ-1042"],
               "updated":"2026-12-02T09:15:30.120+0000","description":null}},
             "changelog":{"id":"10100","items":[{"field":"status","fromString":"Open","toString":"In Progress"}]}}""";

    WireMockServer jiraCloud;
    DefaultCamelContext camel;
    ProducerTemplate producer;
    RecordingInboundTickets inbound = new RecordingInboundTickets();

    @BeforeEach
    void start() throws Exception {
        jiraCloud = new WireMockServer(options().dynamicPort());
        jiraCloud.start();
        Map<String, ConnectionProperties.Settings> byName = new LinkedHashMap<>();
        for (String name : List.of("ops", "unsigned")) {
            ConnectionProperties.Settings settings = new ConnectionProperties.Settings();
            settings.setType(ConnectorType.JIRA);
            settings.setBaseUrl(URI.create(jiraCloud.baseUrl()));
            settings.setUsername("bot@acme.example");
            settings.setSecret("api-token");
            settings.setScope("OPS");
            byName.put(name, settings);
        }
        ConnectionProperties properties = new ConnectionProperties();
        properties.setConnections(Map.of("acme", byName));
        MockEnvironment environment = new MockEnvironment().withProperty("tierzero.connections.acme.ops.inbound-secret", SECRET);

        camel = new DefaultCamelContext();
        camel.getRestConfiguration().setComponent("servlet");
        // The REST verb's route is inlined into the servlet consumer by default; kept apart, the test can send to it.
        camel.getRestConfiguration().setInlineRoutes(false);
        ExternalCallSettings settings = ExternalCallSettings.defaults();
        camel.addRoutes(new JsonApiCalls(settings));
        camel.addRoutes(new JiraRoutes(settings));
        camel.addRoutes(new JiraWebhookRoutes(new Connections(properties, List.of(), List.of()), new InboundSecrets(environment),
                inbound, new JiraConnector(camel.createProducerTemplate())));
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        jiraCloud.stop();
    }

    static String signatureOf(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(HmacSha256.of(SECRET.getBytes(StandardCharsets.UTF_8), body));
    }

    Exchange deliver(String connection, String signature, byte[] body) {
        return producer.send(JiraWebhookRoutes.RECEIVE_WEBHOOK, exchange -> {
            exchange.getMessage().setHeader("tenant", "acme");
            exchange.getMessage().setHeader("connectionName", connection);
            if (signature != null) {
                exchange.getMessage().setHeader("X-Hub-Signature", signature);
            }
            exchange.getMessage().setBody(body);
        });
    }

    Exchange deliverSigned(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return deliver("ops", signatureOf(bytes), bytes);
    }

    static int status(Exchange answer) {
        return answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBodyWithTheSecret() {
        byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

        assertThat(JiraWebhookRoutes.signatureMatches("key", fox,
                "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")).isTrue();
        assertThat(JiraWebhookRoutes.signatureMatches("key", fox,
                "sha256=F7BC83F430538424B13298E6AA6FB143EF4D59A14946175997479DBC2D1A3CD8")).isTrue();
        assertThat(JiraWebhookRoutes.signatureMatches("key", fox,
                "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd9")).isFalse();
        assertThat(JiraWebhookRoutes.signatureMatches("key", fox,
                "sha1=de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9")).isFalse();
        assertThat(JiraWebhookRoutes.signatureMatches("key", fox, "sha256=not-hex")).isFalse();
    }

    @Test
    void aSignedIssueEventIsTranslatedAndHandedToTheSync() {
        Exchange answer = deliverSigned(ISSUE_UPDATED);

        assertThat(status(answer)).isEqualTo(202);
        assertThat(inbound.received).hasSize(1);
        ExternalTicket ticket = inbound.received.getFirst().ticket();
        assertThat(ticket.externalId()).isEqualTo("OPS-42");
        assertThat(ticket.subject()).isEqualTo("Café VPN drops");
        assertThat(ticket.state()).isEqualTo("in_progress");
        assertThat(ticket.priority()).isEqualTo("P1");
        assertThat(ticket.tierZeroReference()).isEqualTo("TZ-1042");
        assertThat(ticket.version()).isEqualTo("2026-12-02T09:15:30.120+0000");
    }

    @Test
    void aWrongMissingOrStaleSignatureIsAnsweredWithAProblemDetail() throws Exception {
        byte[] body = ISSUE_UPDATED.getBytes(StandardCharsets.UTF_8);
        byte[] tampered = ISSUE_UPDATED.replace("Highest", "Lowest").getBytes(StandardCharsets.UTF_8);
        String otherSecret = "sha256=" + HexFormat.of().formatHex(HmacSha256.of("guess".getBytes(StandardCharsets.UTF_8), body));

        for (Exchange answer : List.of(deliver("ops", null, body), deliver("ops", otherSecret, body),
                deliver("ops", signatureOf(body), tampered), deliver("unsigned", signatureOf(body), body))) {
            assertThat(status(answer)).isEqualTo(401);
            assertThat(answer.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/problem+json");
            JsonNode problem = new ObjectMapper().readTree(answer.getMessage().getBody(String.class));
            assertThat(problem.get("status").asInt()).isEqualTo(401);
            assertThat(problem.get("title").asText()).isEqualTo("Not authenticated");
        }
        assertThat(inbound.received).isEmpty();
    }

    @Test
    void aCommentEventDeliversTheIssueAsJiraHasItNow() {
        jiraCloud.stubFor(get(urlPathEqualTo("/rest/api/3/issue/OPS-42")).willReturn(okJson("""
                {"id":"10042","key":"OPS-42","fields":{"summary":"VPN drops","status":{"name":"Waiting for customer",
                 "statusCategory":{"key":"indeterminate"}},"labels":[],"updated":"2026-12-02T09:20:00.000+0000",
                 "comment":{"comments":[{"id":"10000","author":{"displayName":"Ada Lovelace"},"created":"2026-12-02T09:20:00.000+0000",
                  "body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Still broken."}]}]}}]}}}""")));

        Exchange answer = deliverSigned("""
                {"timestamp":1796203200000,"webhookEvent":"comment_created",
                 "comment":{"id":"10000","body":"Still broken.","author":{"displayName":"Ada Lovelace"}},
                 "issue":{"id":"10042","key":"OPS-42","fields":{"summary":"VPN drops"}}}""");

        assertThat(status(answer)).isEqualTo(202);
        ExternalTicket ticket = inbound.received.getFirst().ticket();
        assertThat(ticket.state()).isEqualTo("pending_customer");
        assertThat(ticket.comments()).extracting(c -> c.body()).containsExactly("Still broken.");
    }

    @Test
    void otherEventsAreAcknowledgedAndIgnored() {
        assertThat(status(deliverSigned("{\"webhookEvent\":\"jira:issue_deleted\",\"issue\":{\"key\":\"OPS-42\"}}"))).isEqualTo(202);
        assertThat(status(deliverSigned("{\"webhookEvent\":\"worklog_created\",\"worklog\":{\"id\":\"1\"}}"))).isEqualTo(202);
        assertThat(inbound.received).isEmpty();
    }

    @Test
    void aSignedBodyThatIsNoEventIsABadRequest() {
        assertThat(status(deliverSigned("{\"webhookEvent\": "))).isEqualTo(400);
        assertThat(status(deliverSigned("{\"webhookEvent\":\"jira:issue_updated\"}"))).isEqualTo(400);
        assertThat(inbound.received).isEmpty();
    }

    @Test
    void anUnknownConnectionIsNotFound() {
        byte[] body = ISSUE_UPDATED.getBytes(StandardCharsets.UTF_8);

        assertThat(status(deliver("nope", signatureOf(body), body))).isEqualTo(404);
    }
}
