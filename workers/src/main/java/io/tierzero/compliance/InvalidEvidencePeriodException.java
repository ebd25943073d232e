package io.tierzero.compliance;

public class InvalidEvidencePeriodException extends RuntimeException {

    public InvalidEvidencePeriodException(String message) {
        super(message);
    }
}
