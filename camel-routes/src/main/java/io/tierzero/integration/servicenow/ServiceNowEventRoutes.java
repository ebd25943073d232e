package io.tierzero.integration.servicenow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.Connection;
import io.tierzero.integration.ConnectorType;
import io.tierzero.integration.Connections;
import io.tierzero.integration.ExternalTicket;
import io.tierzero.integration.InboundTickets;
import io.tierzero.integration.http.InboundAnswers;
import io.tierzero.integration.http.InboundRequestRefused;
import io.tierzero.integration.http.InboundSecrets;
import io.tierzero.integration.http.ProblemDetails;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Records ServiceNow pushes to TierZero (a business rule or flow POSTing the record as the Table API shows it)
 * at {@code POST /integrations/tenants/{tenant}/servicenow/{connection}/events}. The push proves the
 * connection's inbound secret, as a bearer token or as the password of HTTP Basic; the record is translated and
 * handed to TierZero's sync, and the answer is 202.
 */
@Component
public class ServiceNowEventRoutes extends RouteBuilder {

    public static final String RECEIVE_EVENT = "direct:servicenow-receive-event";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connections connections;
    private final InboundSecrets secrets;
    private final InboundTickets inboundTickets;

    public ServiceNowEventRoutes(Connections connections, InboundSecrets secrets, InboundTickets inboundTickets) {
        this.connections = connections;
        this.secrets = secrets;
        this.inboundTickets = inboundTickets;
    }

    @Override
    public void configure() {
        rest("/tenants/{tenant}/servicenow")
                .post("/{connectionName}/events").consumes("application/json").to(RECEIVE_EVENT);

        from(RECEIVE_EVENT).routeId("servicenow-receive-event")
                .onException(Exception.class).handled(true).process(ProblemDetails.ANSWER).end()
                .process(exchange -> InboundAnswers.identifyConnection(connections, ConnectorType.SERVICENOW, exchange))
                .process(this::requireInboundSecret)
                .process(this::deliverRecordToTierZero)
                .process(InboundAnswers.ACCEPTED);
    }

    private void requireInboundSecret(Exchange exchange) {
        Connection connection = exchange.getProperty(InboundAnswers.CONNECTION, Connection.class);
        String expected = secrets.of(connection).orElseThrow(() -> InboundRequestRefused.unauthenticated(
                "no inbound secret is configured for " + connection.id() + "; pushes are refused"));
        if (!InboundSecrets.sameSecret(expected, presentedSecret(exchange.getMessage().getHeader("Authorization", String.class)))) {
            throw InboundRequestRefused.unauthenticated("the Authorization header does not carry the inbound secret of "
                    + connection.id());
        }
    }

    /** The secret of "Bearer <secret>" or "Basic base64(<any user>:<secret>)". */
    static String presentedSecret(String authorization) {
        if (authorization == null) {
            return null;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String userAndSecret = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = userAndSecret.indexOf(':');
                return colon < 0 ? null : userAndSecret.substring(colon + 1);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return null;
    }

    private void deliverRecordToTierZero(Exchange exchange) {
        Connection connection = exchange.getProperty(InboundAnswers.CONNECTION, Connection.class);
        inboundTickets.received(connection, readRecord(connection, exchange.getMessage().getBody(String.class)));
    }

    static ExternalTicket readRecord(Connection connection, String body) {
        JsonNode record;
        try {
            record = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw InboundRequestRefused.unreadable("the body is not JSON: " + e.getOriginalMessage());
        }
        if (record != null && record.has("result")) {
            record = record.get("result");
        }
        if (record == null || !record.isObject() || ServiceNowTranslation.text(record, "sys_id") == null) {
            throw InboundRequestRefused.unreadable("expected a " + ServiceNowTranslation.table(connection)
                    + " record with its sys_id, as the Table API returns it");
        }
        return ServiceNowTranslation.toExternalTicket(connection, record);
    }
}
