package io.tierzero.ticket;

import com.fasterxml.jackson.annotation.JsonValue;

/** ITIL ticket states. Every change of state is a row in the audit trail. */
public enum TicketState {
    NEW, ASSIGNED, IN_PROGRESS, PENDING_CUSTOMER, RESOLVED, CLOSED;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    public static TicketState of(String value) {
        return valueOf(value.toUpperCase());
    }
}
