package io.tierzero.integration.http;

import io.tierzero.integration.ConnectorException;
import io.tierzero.integration.PeerUnavailableException;
import java.io.IOException;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * How a connector calls one of its routes: connection and arguments travel as exchange properties (headers
 * would be sent to the remote system as HTTP headers), and whatever went wrong comes back as a
 * {@link ConnectorException}.
 */
public final class HttpCalls {

    /** Exchange property naming the call in error messages, e.g. "RT update ticket 42". */
    public static final String CALL_DESCRIPTION = "tierzeroCall";

    private HttpCalls() {
    }

    public static <T> T call(ProducerTemplate producer, String endpoint, Object body, Map<String, Object> properties,
                             Class<T> answerType) {
        Exchange answer = producer.send(endpoint, exchange -> {
            exchange.getMessage().setBody(body);
            properties.forEach(exchange::setProperty);
        });
        Exception failure = answer.getException();
        if (failure != null) {
            throw asConnectorException(endpoint, failure);
        }
        return answer.getMessage().getBody(answerType);
    }

    static RuntimeException asConnectorException(String endpoint, Throwable failure) {
        Throwable cause = failure instanceof CamelExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectorException connectorException) {
                return connectorException;
            }
            if (t instanceof IOException io) {
                return new PeerUnavailableException(endpoint + " could not reach the system: " + io, null, io);
            }
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}
