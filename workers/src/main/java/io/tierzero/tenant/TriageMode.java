package io.tierzero.tenant;

import java.util.Arrays;

/**
 * Whether the product acts on the triage model's predictions for a tenant. In {@code SHADOW} the model still
 * classifies every ticket and its prediction is recorded, but the ticket keeps the requester's category and goes
 * to a person: a parallel run that compares the model with what humans do before it is trusted.
 */
public enum TriageMode {
    ACTIVE("active"),
    SHADOW("shadow");

    private final String value;

    TriageMode(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static TriageMode of(String value) {
        return Arrays.stream(values()).filter(mode -> mode.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown triage mode '" + value + "'"));
    }
}
