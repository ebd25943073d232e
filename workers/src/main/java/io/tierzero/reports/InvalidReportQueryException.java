package io.tierzero.reports;

/** A report asked for with a period or inputs that cannot be used; answered with 400 and what to fix. */
public class InvalidReportQueryException extends RuntimeException {

    public InvalidReportQueryException(String message) {
        super(message);
    }
}
