package io.tierzero.integration.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.AlertIntake;
import io.tierzero.integration.AlertOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;

/**
 * The webhook of one monitoring system: POST /integrations/tenants/{tenant}/alerts/{source}. Every delivery is
 * checked (tenant, token), read and translated whole before any alert reaches the service desk, so a bad body
 * changes nothing; each alert then goes to {@link AlertIntake}, which is idempotent, so a delivery that failed
 * half-way (answered 500) is simply sent again by the monitoring system.
 */
abstract class AlertWebhookRoutes extends RouteBuilder {

    private final String source;
    private final AlertTranslator translator;
    private final AlertWebhookTokens tokens;
    private final AlertIntake intake;
    private final ObjectMapper json;

    AlertWebhookRoutes(String source, AlertTranslator translator, AlertWebhookTokens tokens, AlertIntake intake,
                       ObjectMapper json) {
        this.source = source;
        this.translator = translator;
        this.tokens = tokens;
        this.intake = intake;
        this.json = json;
    }

    @Override
    public void configure() {
        onException(AlertWebhookProblem.class).handled(true)
                .process(exchange -> {
                    AlertWebhookProblem problem = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, AlertWebhookProblem.class);
                    replyWithProblem(exchange, problem.status(), problem.title(), problem.getMessage());
                });
        onException(InvalidAlertPayloadException.class).handled(true)
                .process(exchange -> replyWithProblem(exchange, 400, "Invalid alert payload",
                        exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage()));
        onException(JsonProcessingException.class).handled(true)
                .process(exchange -> replyWithProblem(exchange, 400, "Unreadable alert payload",
                        "The body is not valid JSON: " + exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                                JsonProcessingException.class).getOriginalMessage()));

        // anything else (the database unreachable...): 500 without internals, and the monitoring system retries
        onException(Exception.class).handled(true).logHandled(true).logStackTrace(true)
                .process(exchange -> replyWithProblem(exchange, 500, "Alerts not taken in",
                        "The alerts could not be taken in now: send them again (an alert sent twice is taken in once)."));

        rest("/tenants/{tenant}/alerts")
                .post("/" + source).to("direct:" + source + "-alerts");

        from("direct:" + source + "-alerts").routeId(source + "-alerts")
                .process(this::checkTenantAndToken)
                .unmarshal().json(JsonNode.class)
                .process(this::translateAlerts)
                .split(body(), AggregationStrategies.flexible(AlertOutcome.class).accumulateInCollection(ArrayList.class))
                    .stopOnException()
                    .bean(intake, "received")
                .end()
                .process(this::replyAccepted);
    }

    private void checkTenantAndToken(Exchange exchange) {
        String authorization = exchange.getMessage().getHeader("Authorization", String.class);
        exchange.getMessage().removeHeader("Authorization");
        tokens.check(exchange.getMessage().getHeader("tenant", String.class), authorization);
    }

    private void translateAlerts(Exchange exchange) {
        exchange.getMessage().setBody(translator.alerts(exchange.getMessage().getHeader("tenant", String.class),
                exchange.getMessage().getBody(JsonNode.class)));
    }

    private void replyAccepted(Exchange exchange) throws JsonProcessingException {
        List<?> outcomes = exchange.getMessage().getBody(List.class);
        List<Map<String, Object>> summary = new ArrayList<>();
        for (Object element : outcomes) {
            AlertOutcome outcome = (AlertOutcome) element;
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("fingerprint", outcome.fingerprint());
            line.put("action", outcome.action().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (outcome.ticketId() != null) {
                line.put("ticketId", outcome.ticketId());
                line.put("referenceNumber", outcome.referenceNumber());
            }
            summary.add(line);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("source", source);
        reply.put("alerts", summary.size());
        reply.put("outcomes", summary);
        reply(exchange, 202, "application/json", json.writeValueAsString(reply));
    }

    /** An RFC 9457 problem detail, like the rest of the API's errors. */
    private void replyWithProblem(Exchange exchange, int status, String title, String detail) throws JsonProcessingException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        reply(exchange, status, "application/problem+json", json.writeValueAsString(problem));
    }

    /** Only the status and content type go back: none of the request's headers are echoed. */
    private static void reply(Exchange exchange, int status, String contentType, String body) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
        exchange.getMessage().setBody(body);
    }
}
