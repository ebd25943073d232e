package io.tierzero.ticket;

/** Why a ticket was closed, as the closure policy sees it. */
public enum ClosureReason {
    REQUESTER_CONFIRMED("The requester confirmed the resolution"),
    NO_CONFIRMATION("No answer to the confirmation request within the tenant's confirmation period"),
    CUSTOMER_UNRESPONSIVE("No customer response within the tenant's pending-customer period"),
    INCIDENT_RESOLVED("The incident was resolved");

    private final String description;

    ClosureReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Derives the reason from what the lifecycle knows when it reaches the close step. */
    public static ClosureReason of(Ticket ticket, Boolean requesterConfirmed) {
        if (ticket.kind() == TicketKind.INCIDENT) {
            return INCIDENT_RESOLVED;
        }
        if (ticket.state() == TicketState.PENDING_CUSTOMER) {
            return CUSTOMER_UNRESPONSIVE;
        }
        return Boolean.TRUE.equals(requesterConfirmed) ? REQUESTER_CONFIRMED : NO_CONFIRMATION;
    }
}
