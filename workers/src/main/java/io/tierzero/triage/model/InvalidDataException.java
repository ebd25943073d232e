package io.tierzero.triage.model;

/** Input the classifier cannot use: a missing file or column, an empty data set, an unreadable model. */
public class InvalidDataException extends RuntimeException {
    public InvalidDataException(String message) {
        super(message);
    }

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
