package io.tierzero.escalation;

import java.util.UUID;

public class NoEscalationPackageException extends RuntimeException {

    public NoEscalationPackageException(UUID ticketId) {
        super("Ticket " + ticketId + " has no escalation package: it was not handed to people (yet).");
    }
}
