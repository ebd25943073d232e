package io.tierzero.ticket;

import java.util.UUID;

public class TicketNotFoundException extends RuntimeException {

    public TicketNotFoundException(UUID ticketId) {
        super("There is no ticket " + ticketId + ".");
    }
}
