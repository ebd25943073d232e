package io.tierzero.ticket;

import com.fasterxml.jackson.annotation.JsonValue;

/** ITIL impact and urgency levels; impact x urgency gives the priority (decisions/priority-matrix.dmn). */
public enum Level {
    HIGH, MEDIUM, LOW;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }
}
