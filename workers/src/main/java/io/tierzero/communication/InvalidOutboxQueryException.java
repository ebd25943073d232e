package io.tierzero.communication;

public class InvalidOutboxQueryException extends RuntimeException {

    public InvalidOutboxQueryException(String message) {
        super(message);
    }
}
