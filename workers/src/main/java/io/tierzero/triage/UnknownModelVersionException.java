package io.tierzero.triage;

public class UnknownModelVersionException extends RuntimeException {

    public UnknownModelVersionException(String version) {
        super("There is no registered model " + version + ".");
    }
}
