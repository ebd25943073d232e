package io.tierzero.remediation;

import java.util.UUID;

public class NoAutomatedAttemptException extends RuntimeException {

    public NoAutomatedAttemptException(UUID ticketId) {
        super("Automation did not act on ticket " + ticketId + ".");
    }
}
