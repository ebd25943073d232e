package io.tierzero.selfservice;

import org.springframework.http.HttpStatus;

/** A confirmation link that cannot be acted on; the status and message tell the requester why. */
public class InvalidConfirmationLinkException extends RuntimeException {

    private final HttpStatus status;

    InvalidConfirmationLinkException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
