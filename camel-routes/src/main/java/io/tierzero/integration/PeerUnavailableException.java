package io.tierzero.integration;

import java.time.Duration;

/**
 * The connected system could not be reached, failed (5xx), timed out or asked us to slow down (429). Worth
 * another try, no sooner than {@code retryAfter} when the system said so.
 */
public class PeerUnavailableException extends ConnectorException {

    private final Duration retryAfter;

    public PeerUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
