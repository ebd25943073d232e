package io.tierzero.ops;

public class IncidentNotFoundException extends RuntimeException {

    public IncidentNotFoundException(long incidentKey) {
        super("There is no incident " + incidentKey + ".");
    }
}
