package io.tierzero.sla;

import io.tierzero.sla.BusinessCalendar.WorkingPeriod;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a calendar written as people write opening hours: a zone ("Europe/Lisbon"), hours per weekday or range of
 * weekdays ("monday-friday" = "08:00-12:30, 13:30-18:00", "saturday" = "24h"; days not listed are closed) and
 * holidays as ISO dates. Every mistake is reported with where it is.
 */
final class CalendarDefinition {

    private CalendarDefinition() {
    }

    static BusinessCalendar parse(String name, String zone, Map<String, String> hours, List<String> holidays) {
        String where = "tierzero.sla.calendars." + name;
        if (BusinessCalendar.TWENTY_FOUR_SEVEN_NAME.equals(name)) {
            throw new IllegalArgumentException(where + ": the name " + name + " is reserved for the built-in round-the-clock calendar");
        }
        if (zone == null || zone.isBlank()) {
            throw new IllegalArgumentException(where + ".zone is missing (e.g. Europe/Lisbon)");
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(where + ".zone: " + zone + " is not a time zone (e.g. Europe/Lisbon)");
        }
        if (hours == null || hours.isEmpty()) {
            throw new IllegalArgumentException(where + ".hours is missing (e.g. monday-friday: 08:00-18:00)");
        }
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        hours.forEach((days, periods) -> {
            List<WorkingPeriod> parsed = periods(where + ".hours." + days, periods);
            for (DayOfWeek day : days(where + ".hours." + days, days)) {
                if (week.putIfAbsent(day, parsed) != null) {
                    throw new IllegalArgumentException(where + ".hours: " + day.name().toLowerCase(Locale.ROOT)
                            + " is given more than once");
                }
            }
        });
        Set<LocalDate> dates = new HashSet<>();
        for (String holiday : holidays == null ? List.<String>of() : holidays) {
            try {
                dates.add(LocalDate.parse(holiday.strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + ".holidays: " + holiday + " is not a date (yyyy-mm-dd)");
            }
        }
        try {
            return new BusinessCalendar(name, zoneId, week, dates);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static List<DayOfWeek> days(String where, String days) {
        String[] range = days.strip().toLowerCase(Locale.ROOT).split("-", -1);
        if (range.length > 2) {
            throw new IllegalArgumentException(where + ": write a weekday or a range such as monday-friday");
        }
        DayOfWeek first = day(where, range[0]);
        DayOfWeek last = range.length == 2 ? day(where, range[1]) : first;
        if (last.compareTo(first) < 0) {
            throw new IllegalArgumentException(where + ": the range must run from Monday towards Sunday");
        }
        List<DayOfWeek> result = new ArrayList<>();
        for (int d = first.getValue(); d <= last.getValue(); d++) {
            result.add(DayOfWeek.of(d));
        }
        return result;
    }

    private static DayOfWeek day(String where, String day) {
        try {
            return DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + day + " is not a weekday (monday ... sunday)");
        }
    }

    private static List<WorkingPeriod> periods(String where, String text) {
        String periods = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (periods.equals("closed")) {
            return List.of();
        }
        if (periods.equals("24h")) {
            return List.of(WorkingPeriod.WHOLE_DAY);
        }
        List<WorkingPeriod> result = new ArrayList<>();
        for (String period : periods.split(",")) {
            String[] bounds = period.strip().split("-");
            if (bounds.length != 2) {
                throw new IllegalArgumentException(where + ": " + text
                        + " is not working hours (write 08:00-18:00, 08:00-12:00, 13:00-17:00, 24h or closed)");
            }
            try {
                LocalTime start = LocalTime.parse(bounds[0].strip());
                LocalTime end = bounds[1].strip().equals("24:00") ? null : LocalTime.parse(bounds[1].strip());
                result.add(new WorkingPeriod(start, end));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + ": " + period.strip() + " is not a time range such as 08:00-18:00");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        return result;
    }
}
