package io.tierzero.selfheal;

/** The host could not be reached, did not prove its identity, refused the sign-in, or a command timed out. */
public class RemoteHostException extends RuntimeException {

    public RemoteHostException(String message, Throwable cause) {
        super(message, cause);
    }

    public RemoteHostException(String message) {
        super(message);
    }
}
