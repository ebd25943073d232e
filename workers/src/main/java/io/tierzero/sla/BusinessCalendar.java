package io.tierzero.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When the SLA clock runs: working hours per weekday in a time zone, except on holidays. Business time is real
 * elapsed time inside working hours, so a day on which the clocks change counts the hours it really has.
 */
public final class BusinessCalendar {

    public static final String TWENTY_FOUR_SEVEN_NAME = "24x7";
    public static final BusinessCalendar TWENTY_FOUR_SEVEN = new BusinessCalendar(TWENTY_FOUR_SEVEN_NAME, ZoneOffset.UTC,
            allWeek(List.of(WorkingPeriod.WHOLE_DAY)), Set.of());

    // a calendar has working time every week; only holidays can push it further, and no one lists ten years of them
    private static final int MAX_DAYS_SEARCHED = 3660;

    private final String name;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingPeriod>> hours;
    private final Set<LocalDate> holidays;
    private final boolean alwaysOpen;

    public BusinessCalendar(String name, ZoneId zone, Map<DayOfWeek, List<WorkingPeriod>> hours, Set<LocalDate> holidays) {
        this.name = name;
        this.zone = zone;
        this.hours = new EnumMap<>(DayOfWeek.class);
        hours.forEach((day, periods) -> this.hours.put(day, ordered(day, periods)));
        this.holidays = Set.copyOf(holidays);
        if (this.hours.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("Calendar " + name + " has no working hours on any day");
        }
        this.alwaysOpen = this.holidays.isEmpty() && EnumSet.allOf(DayOfWeek.class).stream()
                .allMatch(day -> this.hours.getOrDefault(day, List.of()).equals(List.of(WorkingPeriod.WHOLE_DAY)));
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The instant at which the given amount of business time has elapsed after start. */
    public Instant plus(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("Negative business time: " + businessTime);
        }
        if (alwaysOpen) {
            return start.plus(businessTime);
        }
        Duration remaining = businessTime;
        LocalDate date = LocalDate.ofInstant(start, zone);
        for (int day = 0; day < MAX_DAYS_SEARCHED; day++, date = date.plusDays(1)) {
            for (Interval open : openOn(date)) {
                if (!open.end().isAfter(start)) {
                    continue;
                }
                Instant from = open.start().isAfter(start) ? open.start() : start;
                Duration available = Duration.between(from, open.end());
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("Calendar " + name + " has no working time in the " + MAX_DAYS_SEARCHED
                + " days after " + start);
    }

    /** The business time elapsed between two instants; zero when to is not after from. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (alwaysOpen) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate date = LocalDate.ofInstant(from, zone); !date.isAfter(last); date = date.plusDays(1)) {
            for (Interval open : openOn(date)) {
                Instant start = open.start().isAfter(from) ? open.start() : from;
                Instant end = open.end().isBefore(to) ? open.end() : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    private List<Interval> openOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        return hours.getOrDefault(date.getDayOfWeek(), List.of()).stream()
                .map(period -> new Interval(period.startOn(date, zone), period.endOn(date, zone)))
                .toList();
    }

    private static List<WorkingPeriod> ordered(DayOfWeek day, List<WorkingPeriod> periods) {
        List<WorkingPeriod> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(WorkingPeriod::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).endOrMidnight())) {
                throw new IllegalArgumentException("Working hours on " + day.name().toLowerCase() + " overlap: "
                        + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        return List.copyOf(sorted);
    }

    private static Map<DayOfWeek, List<WorkingPeriod>> allWeek(List<WorkingPeriod> periods) {
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        EnumSet.allOf(DayOfWeek.class).forEach(day -> week.put(day, periods));
        return week;
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Working hours on one day, local time; an end of null means until midnight (24:00). A start that does not
     * exist because the clocks go forward is taken as the first instant after the gap.
     */
    public record WorkingPeriod(LocalTime start, LocalTime end) {

        public static final WorkingPeriod WHOLE_DAY = new WorkingPeriod(LocalTime.MIDNIGHT, null);

        public WorkingPeriod {
            if (end != null && !end.isAfter(start)) {
                throw new IllegalArgumentException("Working hours end before they start: " + start + "-" + end);
            }
        }

        LocalTime endOrMidnight() {
            return end == null ? LocalTime.MAX : end;
        }

        Instant startOn(LocalDate date, ZoneId zone) {
            return date.atTime(start).atZone(zone).toInstant();
        }

        Instant endOn(LocalDate date, ZoneId zone) {
            return end == null ? date.plusDays(1).atStartOfDay(zone).toInstant() : date.atTime(end).atZone(zone).toInstant();
        }

        @Override
        public String toString() {
            return start + "-" + (end == null ? "24:00" : end);
        }
    }

    private record Interval(Instant start, Instant end) {
    }
}
