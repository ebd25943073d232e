package io.tierzero.integration;

/** The record changed in the connected system since the version an update was based on (HTTP 412). */
public class VersionConflictException extends ConnectorException {

    public VersionConflictException(String message) {
        super(message, null);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
