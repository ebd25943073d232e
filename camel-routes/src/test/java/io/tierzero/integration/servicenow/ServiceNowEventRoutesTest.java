package io.tierzero.integration.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.Connection;
import io.tierzero.integration.ConnectorType;
import io.tierzero.integration.ExternalTicket;
import io.tierzero.integration.http.InboundSecrets;
import io.tierzero.integration.http.RecordingInboundTickets;
import io.tierzero.integration.http.TestConnections;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** ServiceNow's pushes to TierZero: the secret check, the answers, and the record handed to the sync. */
class ServiceNowEventRoutesTest {

    static final String RECORD = """
            {"sys_id":"9d385017c611228701d22104cc95c371","number":"INC0010042","sys_mod_count":"3",
             "sys_updated_on":"2026-12-02 10:01:02","short_description":"Mail bounces","state":"6","priority":"3",
             "caller_id":"62826bf03710200044e0bfc8bcbe5df1","caller_id.email":"ada@acme.example",
             "correlation_id":"TZ-7","correlation_display":"TierZero"}""";

    DefaultCamelContext camel;
    ProducerTemplate producer;
    RecordingInboundTickets inbound = new RecordingInboundTickets();

    @BeforeEach
    void start() throws Exception {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("tierzero.connections.acme.snow.inbound-secret", "push-secret");
        camel = new DefaultCamelContext();
        camel.getRestConfiguration().setComponent("servlet");
        // The REST verb's route is inlined into the servlet consumer by default; kept apart, the test can send to it.
        camel.getRestConfiguration().setInlineRoutes(false);
        camel.addRoutes(new ServiceNowEventRoutes(
                TestConnections.of(Map.of("snow", ConnectorType.SERVICENOW, "unsecured", ConnectorType.SERVICENOW,
                        "jira", ConnectorType.JIRA)),
                new InboundSecrets(environment), inbound));
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    Exchange push(String connection, String authorization, String body) {
        return producer.send(ServiceNowEventRoutes.RECEIVE_EVENT, exchange -> {
            exchange.getMessage().setHeader("tenant", "acme");
            exchange.getMessage().setHeader("connectionName", connection);
            if (authorization != null) {
                exchange.getMessage().setHeader("Authorization", authorization);
            }
            exchange.getMessage().setBody(body);
        });
    }

    static int status(Exchange answer) {
        return answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    static JsonNode problem(Exchange answer) throws Exception {
        assertThat(answer.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/problem+json");
        return new ObjectMapper().readTree(answer.getMessage().getBody(String.class));
    }

    @Test
    void aPushWithTheBearerSecretIsTranslatedAndHandedToTheSync() {
        Exchange answer = push("snow", "Bearer push-secret", RECORD);

        assertThat(status(answer)).isEqualTo(202);
        assertThat(answer.getMessage().getHeader("Authorization")).isNull();
        assertThat(inbound.received).hasSize(1);
        ExternalTicket ticket = inbound.received.getFirst().ticket();
        assertThat(inbound.received.getFirst().connection().id()).isEqualTo("servicenow:snow");
        assertThat(ticket.externalId()).isEqualTo("9d385017c611228701d22104cc95c371");
        assertThat(ticket.state()).isEqualTo("resolved");
        assertThat(ticket.priority()).isEqualTo("P3");
        assertThat(ticket.requesterEmail()).isEqualTo("ada@acme.example");
        assertThat(ticket.tierZeroReference()).isEqualTo("TZ-7");
        assertThat(ticket.version()).isEqualTo("3");
    }

    @Test
    void aPushWithTheSecretAsBasicPasswordIsAccepted() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("servicenow:push-secret".getBytes(StandardCharsets.UTF_8));

        assertThat(status(push("snow", basic, "{\"result\":" + RECORD + "}"))).isEqualTo(202);
        assertThat(inbound.received).hasSize(1);
    }

    @Test
    void aWrongOrMissingSecretIsAnsweredWithAProblemDetail() throws Exception {
        String wrongBasic = "Basic " + Base64.getEncoder().encodeToString("servicenow:guess".getBytes(StandardCharsets.UTF_8));
        for (String authorization : new String[] {"Bearer push-secreT", wrongBasic, "Basic !!", null}) {
            Exchange answer = push("snow", authorization, RECORD);

            assertThat(status(answer)).as(authorization).isEqualTo(401);
            JsonNode problem = problem(answer);
            assertThat(problem.get("status").asInt()).isEqualTo(401);
            assertThat(problem.get("title").asText()).isEqualTo("Not authenticated");
            assertThat(problem.get("type").asText()).isEqualTo("about:blank");
            assertThat(problem.get("detail").asText()).contains("servicenow:snow");
        }
        assertThat(inbound.received).isEmpty();
    }

    @Test
    void aConnectionWithoutInboundSecretRefusesEveryPush() {
        assertThat(status(push("unsecured", "Bearer ", RECORD))).isEqualTo(401);
        assertThat(inbound.received).isEmpty();
    }

    @Test
    void aBodyThatIsNoRecordIsABadRequest() throws Exception {
        Exchange notJson = push("snow", "Bearer push-secret", "{\"sys_id\": ");
        Exchange noSysId = push("snow", "Bearer push-secret", "{\"number\":\"INC0010042\"}");

        assertThat(status(notJson)).isEqualTo(400);
        assertThat(problem(notJson).get("detail").asText()).contains("not JSON");
        assertThat(status(noSysId)).isEqualTo(400);
        assertThat(inbound.received).isEmpty();
    }

    @Test
    void aPushTheSyncCannotTakeIsA500WithoutInternalsSoServiceNowSendsItAgain() throws Exception {
        camel.stop();
        camel = new DefaultCamelContext();
        camel.getRestConfiguration().setComponent("servlet");
        camel.getRestConfiguration().setInlineRoutes(false);
        RecordingInboundTickets failing = new RecordingInboundTickets() {
            @Override
            public void received(Connection connection, ExternalTicket ticket) {
                throw new IllegalStateException("database is down: jdbc:postgresql://10.0.0.5/tierzero");
            }
        };
        camel.addRoutes(new ServiceNowEventRoutes(TestConnections.of(Map.of("snow", ConnectorType.SERVICENOW)),
                new InboundSecrets(new MockEnvironment().withProperty("tierzero.connections.acme.snow.inbound-secret", "push-secret")),
                failing));
        camel.start();
        producer = camel.createProducerTemplate();

        Exchange answer = push("snow", "Bearer push-secret", RECORD);

        assertThat(status(answer)).isEqualTo(500);
        assertThat(problem(answer).get("detail").asText()).doesNotContain("jdbc");
    }

    @Test
    void anUnknownConnectionOrOneOfAnotherTypeIsNotFound() throws Exception {
        assertThat(status(push("nope", "Bearer push-secret", RECORD))).isEqualTo(404);
        Exchange jira = push("jira", "Bearer push-secret", RECORD);
        assertThat(status(jira)).isEqualTo(404);
        assertThat(problem(jira).get("title").asText()).isEqualTo("Unknown connection");
    }
}
