package io.tierzero.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierzero.sla.BusinessCalendar.WorkingPeriod;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Lisbon office: weekdays 09:00-12:30 and 13:30-18:00, closed on Christmas Day 2026 (a Friday). */
    private final BusinessCalendar lisbon = CalendarDefinition.parse("lisbon-office", "Europe/Lisbon",
            Map.of("monday-friday", "09:00-12:30, 13:30-18:00"), List.of("2026-12-25"));

    @Test
    void roundTheClockCountsEveryMinute() {
        Instant start = Instant.parse("2026-12-04T17:00:00Z");
        assertThat(BusinessCalendar.TWENTY_FOUR_SEVEN.plus(start, Duration.ofMinutes(2880)))
                .isEqualTo(Instant.parse("2026-12-06T17:00:00Z"));
        assertThat(BusinessCalendar.TWENTY_FOUR_SEVEN.between(start, Instant.parse("2026-12-06T17:00:00Z")))
                .isEqualTo(Duration.ofMinutes(2880));
    }

    @Test
    void timeLeftAtTheEndOfTheDayRunsOnTheNextMorning() {
        assertThat(lisbon.plus(lisbon("2026-12-07T17:30"), Duration.ofMinutes(60))).isEqualTo(lisbon("2026-12-08T09:30"));
    }

    @Test
    void aRequestArrivingAtNightStartsCountingWhenTheOfficeOpens() {
        assertThat(lisbon.plus(lisbon("2026-12-07T22:00"), Duration.ofMinutes(30))).isEqualTo(lisbon("2026-12-08T09:30"));
        assertThat(lisbon.between(lisbon("2026-12-07T22:00"), lisbon("2026-12-08T09:30"))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theWeekendDoesNotCount() {
        assertThat(lisbon.plus(lisbon("2026-12-04T17:00"), Duration.ofMinutes(120))).isEqualTo(lisbon("2026-12-07T10:00"));
        assertThat(lisbon.between(lisbon("2026-12-04T17:00"), lisbon("2026-12-07T10:00"))).isEqualTo(Duration.ofMinutes(120));
    }

    @Test
    void theLunchBreakOfADayWithTwoPeriodsDoesNotCount() {
        assertThat(lisbon.plus(lisbon("2026-12-07T12:00"), Duration.ofMinutes(60))).isEqualTo(lisbon("2026-12-07T14:00"));
        assertThat(lisbon.between(lisbon("2026-12-07T08:00"), lisbon("2026-12-07T20:00"))).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void aHolidayDoesNotCount() {
        // Thursday 24 December: one hour left that day, Christmas Day and the weekend closed
        assertThat(lisbon.plus(lisbon("2026-12-24T17:00"), Duration.ofMinutes(120))).isEqualTo(lisbon("2026-12-28T10:00"));
        assertThat(lisbon.between(lisbon("2026-12-24T00:00"), lisbon("2026-12-28T00:00"))).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void workingHoursStayLocalWhenTheClocksChange() {
        BusinessCalendar newYork = CalendarDefinition.parse("new-york", "America/New_York",
                Map.of("monday-friday", "09:00-17:00"), List.of());
        // summer time starts on Sunday 8 March 2026: Friday 16:00 EST is 21:00Z, Monday 10:00 EDT is 14:00Z
        Instant friday = LocalDateTime.parse("2026-03-06T16:00").atZone(NEW_YORK).toInstant();
        Instant due = newYork.plus(friday, Duration.ofMinutes(120));
        assertThat(due).isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
        assertThat(newYork.between(friday, due)).isEqualTo(Duration.ofMinutes(120));
    }

    @Test
    void aDayOnWhichTheClocksGoForwardHasOneHourLess() {
        BusinessCalendar everyDay = CalendarDefinition.parse("every-day", "Europe/Lisbon",
                Map.of("monday-sunday", "24h"), List.of("2026-12-25"));
        // 29 March 2026 in Lisbon: 01:00 becomes 02:00
        assertThat(everyDay.between(lisbon("2026-03-29T00:00"), lisbon("2026-03-30T00:00"))).isEqualTo(Duration.ofHours(23));
        assertThat(everyDay.plus(lisbon("2026-03-29T00:00"), Duration.ofHours(23))).isEqualTo(lisbon("2026-03-30T00:00"));
        // 25 October 2026: 02:00 becomes 01:00 again
        assertThat(everyDay.between(lisbon("2026-10-25T00:00"), lisbon("2026-10-26T00:00"))).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void workingHoursStartingInTheSkippedHourStartAfterIt() {
        BusinessCalendar night = CalendarDefinition.parse("night", "Europe/Lisbon",
                Map.of("sunday", "01:30-03:00"), List.of());
        // 01:30 does not exist on 29 March 2026: the period runs from 02:30 (summer time) to 03:00
        assertThat(night.between(lisbon("2026-03-29T00:00"), lisbon("2026-03-30T00:00"))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void addingAndMeasuringAgree() {
        Instant start = lisbon("2026-12-03T11:47");
        for (long minutes : new long[] {1, 43, 210, 211, 480, 2880, 14400}) {
            Instant due = lisbon.plus(start, Duration.ofMinutes(minutes));
            assertThat(lisbon.between(start, due)).as("%d minutes", minutes).isEqualTo(Duration.ofMinutes(minutes));
        }
        assertThat(lisbon.between(lisbon("2026-12-08T10:00"), lisbon("2026-12-07T10:00"))).isZero();
    }

    @Test
    void aCalendarWithoutWorkingHoursOrWithOverlappingHoursIsRefused() {
        Map<DayOfWeek, List<WorkingPeriod>> none = new EnumMap<>(DayOfWeek.class);
        assertThatThrownBy(() -> new BusinessCalendar("never", LISBON, none, Set.of()))
                .hasMessageContaining("no working hours");
        assertThatThrownBy(() -> CalendarDefinition.parse("overlap", "Europe/Lisbon",
                Map.of("monday", "09:00-13:00, 12:00-18:00"), List.of()))
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> new WorkingPeriod(LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .hasMessageContaining("end before they start");
    }

    private static Instant lisbon(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LISBON).toInstant();
    }
}
