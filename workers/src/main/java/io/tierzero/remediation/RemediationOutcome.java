package io.tierzero.remediation;

import com.fasterxml.jackson.annotation.JsonValue;

public enum RemediationOutcome {
    RESOLVED, FAILED, UNAVAILABLE;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }
}
