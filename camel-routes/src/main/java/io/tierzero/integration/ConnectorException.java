package io.tierzero.integration;

/** A connected system did not take a call; the subclass says whether trying again can help. */
public abstract class ConnectorException extends RuntimeException {

    protected ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract boolean retryable();
}
