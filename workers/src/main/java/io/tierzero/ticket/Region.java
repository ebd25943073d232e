package io.tierzero.ticket;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Region {
    EMEA, AMER, APAC;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }
}
