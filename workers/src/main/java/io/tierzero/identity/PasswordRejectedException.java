package io.tierzero.identity;

/** The directory's password policy refused a new password: the requester can choose another. */
public class PasswordRejectedException extends RuntimeException {

    public PasswordRejectedException(String message) {
        super(message);
    }
}
