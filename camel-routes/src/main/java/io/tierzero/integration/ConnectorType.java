package io.tierzero.integration;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of ticket systems TierZero keeps in step with. */
public enum ConnectorType {
    REQUEST_TRACKER, SERVICENOW, JIRA;

    @JsonValue
    public String value() {
        return name().toLowerCase().replace('_', '-');
    }
}
