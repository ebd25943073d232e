package io.tierzero.ops;

import java.time.Instant;

public class IncidentAlreadyResolvedException extends RuntimeException {

    public IncidentAlreadyResolvedException(long incidentKey, Instant resolvedAt) {
        super("Incident " + incidentKey + " is already resolved" + (resolvedAt == null ? "" : " (at " + resolvedAt + ")")
                + ": there is nothing to retry.");
    }
}
