package io.tierzero.ticket;

import java.util.Arrays;

/** Why a ticket was closed; each close step of the lifecycles names its reason (input closeReason). */
public enum ClosureReason {
    CONFIRMED_BY_REQUESTER("confirmed-by-requester", "The requester confirmed the resolution"),
    CONFIRMATION_TIMEOUT("confirmation-timeout",
            "No answer to the confirmation request within the tenant's confirmation period"),
    NO_CUSTOMER_RESPONSE("no-customer-response", "No customer response within the tenant's pending-customer period"),
    INCIDENT_RESOLVED("incident-resolved", "The incident was resolved");

    private final String code;
    private final String description;

    ClosureReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public static ClosureReason ofCode(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown closure reason '" + code + "'"));
    }
}
