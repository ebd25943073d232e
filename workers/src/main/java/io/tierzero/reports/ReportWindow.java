package io.tierzero.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The period a report covers: from (inclusive) to (exclusive). Each bound is an ISO-8601 instant
 * ({@code 2026-11-01T00:00:00Z}, an offset is allowed) or a date, read as midnight UTC. Without bounds the report
 * covers the 30 days up to now; without {@code from}, the 30 days up to {@code to}.
 */
public record ReportWindow(Instant from, Instant to) {

    public static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    public static final Duration MAX_SPAN = Duration.ofDays(366);
    /** The average month (365.25 / 12 days), to scale a period's figures to a month. */
    public static final Duration AVERAGE_MONTH = Duration.ofSeconds(2_629_800);

    public static ReportWindow of(String from, String to, Clock clock) {
        Instant end = to == null || to.isBlank() ? Instant.now(clock) : parse("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_SPAN) : parse("from", from);
        if (!start.isBefore(end)) {
            throw new InvalidReportQueryException("from (" + start + ") must be before to (" + end + ").");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw new InvalidReportQueryException("A report covers at most " + MAX_SPAN.toDays() + " days; "
                    + start + " to " + end + " is longer.");
        }
        return new ReportWindow(start, end);
    }

    public Duration span() {
        return Duration.between(from, to);
    }

    /** How many of this period make an average month. */
    public double monthsPerPeriod() {
        return (double) AVERAGE_MONTH.toMillis() / span().toMillis();
    }

    private static Instant parse(String name, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidReportQueryException("'" + value + "' is not a valid " + name
                    + ": use an ISO-8601 instant such as 2026-11-01T00:00:00Z or a date such as 2026-11-01.");
        }
    }
}
