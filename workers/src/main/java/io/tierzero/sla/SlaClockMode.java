package io.tierzero.sla;

import java.util.Arrays;

/** Whether an SLA target counts business hours or every hour: the "clock" column of decisions/sla-targets.dmn. */
public enum SlaClockMode {
    BUSINESS_HOURS("business-hours"),
    TWENTY_FOUR_SEVEN("24x7");

    private final String value;

    SlaClockMode(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static SlaClockMode of(String value) {
        return Arrays.stream(values()).filter(mode -> mode.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown SLA clock " + value
                        + " (the SLA decision's clock must be business-hours or 24x7)"));
    }
}
