package io.tierzero.monitoring;

public class InvalidAlertQueryException extends RuntimeException {

    public InvalidAlertQueryException(String message) {
        super(message);
    }
}
