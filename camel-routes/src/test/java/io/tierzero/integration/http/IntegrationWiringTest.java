package io.tierzero.integration.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierzero.integration.Connections;
import io.tierzero.integration.InboundTickets;
import io.tierzero.integration.jira.JiraConnector;
import io.tierzero.integration.jira.JiraRoutes;
import io.tierzero.integration.jira.JiraWebhookRoutes;
import io.tierzero.integration.servicenow.ServiceNowCmdb;
import io.tierzero.integration.servicenow.ServiceNowConnector;
import io.tierzero.integration.servicenow.ServiceNowEventRoutes;
import io.tierzero.integration.servicenow.ServiceNowRoutes;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The ServiceNow and Jira beans as Spring Boot wires them with Camel's auto-configuration: connections from
 * tierzero.connections, call settings from tierzero.integration.calls, push and webhook routes on the servlet.
 */
@SpringBootTest(classes = IntegrationWiringTest.Wiring.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "camel.rest.component=servlet",
        "tierzero.integration.calls.response-timeout=5s",
        "tierzero.integration.calls.rate-limit-retries=5",
        "tierzero.connections.acme.snow.type=servicenow",
        "tierzero.connections.acme.snow.base-url=https://acme.service-now.com",
        "tierzero.connections.acme.snow.scope=incident",
        "tierzero.connections.acme.snow.inbound-secret=push-secret",
        "tierzero.connections.acme.snow.inbound-states.1=new",
        "tierzero.connections.acme.jira.type=jira",
        "tierzero.connections.acme.jira.base-url=https://acme.atlassian.net",
        "tierzero.connections.acme.jira.scope=servicedesk:4:17",
        // as in YAML: a map key with spaces in [...] (escaped here because this is properties syntax)
        "tierzero.connections.acme.jira.inbound-states.[waiting\\ for\\ customer]=pending_customer"})
class IntegrationWiringTest {

    @Configuration
    @EnableAutoConfiguration
    @Import({Connections.class, InboundSecrets.class, JsonApiCalls.class, ServiceNowRoutes.class,
            ServiceNowConnector.class, ServiceNowCmdb.class, ServiceNowEventRoutes.class, JiraRoutes.class,
            JiraConnector.class, JiraWebhookRoutes.class})
    static class Wiring {
        @Bean
        InboundTickets inboundTickets() {
            return new RecordingInboundTickets();
        }
    }

    @Autowired
    CamelContext camel;
    @Autowired
    Connections connections;
    @Autowired
    ExternalCallSettings settings;
    @Autowired
    InboundSecrets secrets;

    @Test
    void connectionsFindTheirConnectorsAndInboundSecrets() {
        var snow = connections.find("acme", "snow").orElseThrow();
        var jira = connections.find("acme", "jira").orElseThrow();

        assertThat(connections.connectorFor(snow)).isInstanceOf(ServiceNowConnector.class);
        assertThat(connections.connectorFor(jira)).isInstanceOf(JiraConnector.class);
        assertThat(snow.inboundState("1")).isEqualTo("new");
        assertThat(jira.inboundState("Waiting for customer")).isEqualTo("pending_customer");
        assertThat(secrets.of(snow)).contains("push-secret");
        assertThat(secrets.of(jira)).isEmpty();
    }

    @Test
    void callSettingsComeFromConfigurationWithDefaultsForTheRest() {
        assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.rateLimitRetries()).isEqualTo(5);
        assertThat(settings.longestWait()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void pushesAndWebhooksAreServedThroughTheServlet() {
        Route events = camel.getRoute("servicenow-receive-event");
        Route webhook = camel.getRoute("jira-receive-webhook");

        assertThat(events.getEndpoint().getEndpointUri())
                .startsWith("rest://post:/tenants/%7Btenant%7D/servicenow:/%7BconnectionName%7D/events")
                .contains("consumerComponentName=servlet");
        assertThat(webhook.getEndpoint().getEndpointUri())
                .startsWith("rest://post:/tenants/%7Btenant%7D/jira:/%7BconnectionName%7D/webhook")
                .contains("consumerComponentName=servlet");
        assertThat(camel.getRoute("servicenow-update-record")).isNotNull();
        assertThat(camel.getRoute("jira-update-issue")).isNotNull();
    }
}
