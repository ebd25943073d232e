package io.tierzero.integration;

/** The connected system refused the request as invalid or forbidden (4xx): trying it again will not help. */
public class RequestRejectedException extends ConnectorException {

    public RequestRejectedException(String message) {
        super(message, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
