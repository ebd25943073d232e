package io.tierzero.ticket;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Channel {
    PORTAL, EMAIL, CHAT, PHONE, API, MONITORING;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }
}
