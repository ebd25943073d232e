package io.tierzero.remediation;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the lifecycle goes after a playbook run: only {@code RESOLVED} asks the requester to confirm. */
public enum RemediationOutcome {
    RESOLVED, AWAITING_REQUESTER, FAILED, UNAVAILABLE, DRY_RUN;

    @JsonValue
    public String value() {
        return name().toLowerCase().replace('_', '-');
    }
}
