package io.tierzero.integration.monitoring;

/** A webhook body that is JSON but not an alert payload of its format: a required field is missing or wrong. */
public class InvalidAlertPayloadException extends RuntimeException {

    public InvalidAlertPayloadException(String message) {
        super(message);
    }
}
