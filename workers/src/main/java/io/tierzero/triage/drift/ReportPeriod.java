package io.tierzero.triage.drift;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The period a report groups predictions by (by when they were made, UTC); a week starts on Monday. */
public enum ReportPeriod {
    DAY("day"),
    WEEK("week");

    private final String value;

    ReportPeriod(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static ReportPeriod of(String value) {
        return Arrays.stream(values()).filter(period -> period.value.equals(value)).findFirst()
                .orElseThrow(() -> new InvalidReportRequestException("'" + value + "' is not a report period: use "
                        + Arrays.stream(values()).map(ReportPeriod::value).collect(Collectors.joining(" or ")) + "."));
    }
}
