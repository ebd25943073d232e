package io.tierzero.integration.http;

import io.tierzero.integration.Connection;
import io.tierzero.integration.ConnectorType;
import io.tierzero.integration.Connections;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** What the push and webhook routes of every connected system have in common. */
public final class InboundAnswers {

    /** Exchange property holding the connection a push was addressed to. */
    public static final String CONNECTION = "inboundConnection";

    /**
     * 202 Accepted with no body. The request's headers are dropped first: the servlet would send them back as
     * response headers, Authorization included.
     */
    public static final Processor ACCEPTED = exchange -> {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        exchange.getMessage().setBody("");
    };

    private InboundAnswers() {
    }

    /** The connection named in the path ({@code tenant}, {@code connectionName}), of the expected type, or 404. */
    public static Connection identifyConnection(Connections connections, ConnectorType type, Exchange exchange) {
        String tenant = exchange.getMessage().getHeader("tenant", String.class);
        String name = exchange.getMessage().getHeader("connectionName", String.class);
        Connection connection = connections.find(tenant, name)
                .filter(candidate -> candidate.type() == type)
                .orElseThrow(() -> InboundRequestRefused.unknownConnection(tenant, name));
        exchange.setProperty(CONNECTION, connection);
        return connection;
    }
}
