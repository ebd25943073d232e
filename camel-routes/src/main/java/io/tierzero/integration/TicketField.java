package io.tierzero.integration;

import com.fasterxml.jackson.annotation.JsonValue;

/** The ticket fields kept in step between TierZero and a connected ticket system. */
public enum TicketField {
    SUBJECT, DESCRIPTION, STATE, PRIORITY, ASSIGNMENT_GROUP;

    @JsonValue
    public String value() {
        return name().toLowerCase().replace('_', '-');
    }
}
