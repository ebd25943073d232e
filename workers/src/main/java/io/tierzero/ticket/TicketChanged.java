package io.tierzero.ticket;

import java.util.Map;

/** A change applied to a ticket by {@link TicketLifecycle}: its audit action, the ticket before and after, the payload. */
public record TicketChanged(String action, Ticket before, Ticket after, Map<String, Object> payload) {

    public boolean enteredState(TicketState state) {
        return before.state() != state && after.state() == state;
    }
}
