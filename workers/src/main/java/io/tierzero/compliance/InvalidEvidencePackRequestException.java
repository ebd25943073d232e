package io.tierzero.compliance;

public class InvalidEvidencePackRequestException extends RuntimeException {

    public InvalidEvidencePackRequestException(String message) {
        super(message);
    }
}
