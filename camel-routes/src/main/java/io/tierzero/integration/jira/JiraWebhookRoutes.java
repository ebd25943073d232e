package io.tierzero.integration.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.Connection;
import io.tierzero.integration.ConnectorType;
import io.tierzero.integration.Connections;
import io.tierzero.integration.InboundTickets;
import io.tierzero.integration.http.InboundAnswers;
import io.tierzero.integration.http.InboundRequestRefused;
import io.tierzero.integration.http.HmacSha256;
import io.tierzero.integration.http.InboundSecrets;
import io.tierzero.integration.http.ProblemDetails;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Jira's webhooks to TierZero at {@code POST /integrations/tenants/{tenant}/jira/{connection}/webhook}. Jira
 * signs each delivery with the webhook's secret: {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw
 * body>}; the signature is checked over the bytes as received, before anything parses them. Issue events carry
 * the issue; comment events carry only part of it, so the issue is read from Jira for those. Other events are
 * acknowledged and ignored, so Jira does not retry them.
 */
@Component
public class JiraWebhookRoutes extends RouteBuilder {

    public static final String RECEIVE_WEBHOOK = "direct:jira-receive-webhook";

    static final String SIGNATURE_HEADER = "X-Hub-Signature";
    private static final Set<String> ISSUE_EVENTS = Set.of("jira:issue_created", "jira:issue_updated");
    private static final Set<String> COMMENT_EVENTS = Set.of("comment_created", "comment_updated");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connections connections;
    private final InboundSecrets secrets;
    private final InboundTickets inboundTickets;
    private final JiraConnector jira;

    public JiraWebhookRoutes(Connections connections, InboundSecrets secrets, InboundTickets inboundTickets,
                             JiraConnector jira) {
        this.connections = connections;
        this.secrets = secrets;
        this.inboundTickets = inboundTickets;
        this.jira = jira;
    }

    @Override
    public void configure() {
        rest("/tenants/{tenant}/jira")
                .post("/{connectionName}/webhook").consumes("application/json").to(RECEIVE_WEBHOOK);

        from(RECEIVE_WEBHOOK).routeId("jira-receive-webhook")
                .onException(Exception.class).handled(true).process(ProblemDetails.ANSWER).end()
                .convertBodyTo(byte[].class)
                .process(exchange -> InboundAnswers.identifyConnection(connections, ConnectorType.JIRA, exchange))
                .process(this::requireValidSignature)
                .process(this::deliverIssueToTierZero)
                .process(InboundAnswers.ACCEPTED);
    }

    private void requireValidSignature(Exchange exchange) {
        Connection connection = exchange.getProperty(InboundAnswers.CONNECTION, Connection.class);
        String secret = secrets.of(connection).orElseThrow(() -> InboundRequestRefused.unauthenticated(
                "no webhook secret is configured for " + connection.id() + "; webhooks are refused"));
        if (!signatureMatches(secret, exchange.getMessage().getBody(byte[].class),
                exchange.getMessage().getHeader(SIGNATURE_HEADER, String.class))) {
            throw InboundRequestRefused.unauthenticated(SIGNATURE_HEADER + " is missing or is not the body's signature "
                    + "with the webhook secret of " + connection.id());
        }
    }

    /** Whether {@code header} is {@code sha256=} and the hex HMAC-SHA256 of {@code body}; compared in constant time. */
    static boolean signatureMatches(String secret, byte[] body, String header) {
        if (header == null || !header.regionMatches(true, 0, "sha256=", 0, 7)) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(header.substring(7).trim());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(HmacSha256.of(secret.getBytes(StandardCharsets.UTF_8), body == null ? new byte[0] : body),
                presented);
    }

    private void deliverIssueToTierZero(Exchange exchange) {
        Connection connection = exchange.getProperty(InboundAnswers.CONNECTION, Connection.class);
        JsonNode event = readEvent(exchange.getMessage().getBody(byte[].class));
        String type = event.path("webhookEvent").asText();
        JsonNode issue = event.path("issue");
        if ((ISSUE_EVENTS.contains(type) || COMMENT_EVENTS.contains(type)) && !issue.path("key").isTextual()) {
            throw InboundRequestRefused.unreadable(type + " without issue.key");
        }
        if (ISSUE_EVENTS.contains(type)) {
            inboundTickets.received(connection, JiraTranslation.toExternalTicket(connection, issue));
        } else if (COMMENT_EVENTS.contains(type)) {
            jira.fetch(connection, issue.path("key").asText())
                    .ifPresent(ticket -> inboundTickets.received(connection, ticket));
        }
    }

    static JsonNode readEvent(byte[] body) {
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (IOException e) {
            throw InboundRequestRefused.unreadable("the body is not JSON: " + e.getMessage());
        }
        if (event == null || !event.path("webhookEvent").isTextual()) {
            throw InboundRequestRefused.unreadable("expected a Jira webhook event, with webhookEvent");
        }
        return event;
    }
}
