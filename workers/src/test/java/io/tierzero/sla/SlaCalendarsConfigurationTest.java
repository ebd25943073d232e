package io.tierzero.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;

/** The calendars as they are configured in application.yml or the environment, bound and checked at start-up. */
class SlaCalendarsConfigurationTest {

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withUserConfiguration(SlaConfiguration.class)
            .withPropertyValues(
                    "tierzero.sla.calendars.lisbon-office.zone=Europe/Lisbon",
                    "tierzero.sla.calendars.lisbon-office.hours.monday-friday=09:00-12:30, 13:30-18:00",
                    "tierzero.sla.calendars.lisbon-office.holidays=2026-12-08,2026-12-25",
                    "tierzero.sla.calendars.manila-centre.zone=Asia/Manila",
                    "tierzero.sla.calendars.manila-centre.hours.monday-saturday=24h",
                    "tierzero.sla.tenant-calendars.acme=lisbon-office",
                    "tierzero.sla.centre-calendars.apac-manila=manila-centre");

    @Test
    void theTenantsCalendarWinsOverTheCentresAndA24x7TargetRunsRoundTheClock() {
        app.run(context -> {
            SlaCalendars calendars = context.getBean(SlaCalendars.class);
            assertThat(calendars.forTicket(SlaClockMode.BUSINESS_HOURS, "acme", () -> "apac-manila").name()).isEqualTo("lisbon-office");
            assertThat(calendars.forTicket(SlaClockMode.BUSINESS_HOURS, "other", () -> "apac-manila").name()).isEqualTo("manila-centre");
            assertThat(calendars.forTicket(SlaClockMode.BUSINESS_HOURS, "acme", SlaCalendarsConfigurationTest::notAsked).name())
                    .isEqualTo("lisbon-office");
            assertThat(calendars.forTicket(SlaClockMode.BUSINESS_HOURS, "other", () -> "emea-lisbon")).isSameAs(BusinessCalendar.TWENTY_FOUR_SEVEN);
            assertThat(calendars.forTicket(SlaClockMode.TWENTY_FOUR_SEVEN, "acme", () -> "apac-manila")).isSameAs(BusinessCalendar.TWENTY_FOUR_SEVEN);
            BusinessCalendar lisbon = calendars.named("lisbon-office").orElseThrow();
            // Monday 7 December 17:00 (Lisbon is on UTC in winter); Tuesday 8 December is a holiday
            assertThat(lisbon.plus(Instant.parse("2026-12-07T17:00:00Z"), Duration.ofMinutes(120)))
                    .isEqualTo(Instant.parse("2026-12-09T10:00:00Z"));
        });
    }

    @Test
    void withoutConfigurationEveryTicketRunsRoundTheClock() {
        new ApplicationContextRunner().withUserConfiguration(SlaConfiguration.class).run(context ->
                assertThat(context.getBean(SlaCalendars.class).forTicket(SlaClockMode.BUSINESS_HOURS, "demo", SlaCalendarsConfigurationTest::notAsked))
                        .isSameAs(BusinessCalendar.TWENTY_FOUR_SEVEN));
    }

    @Test
    void theReadmesYamlExampleBinds() {
        String yaml = """
                tierzero:
                  sla:
                    calendars:
                      lisbon-office:
                        zone: Europe/Lisbon
                        hours:
                          monday-friday: "09:00-12:30, 13:30-18:00"
                          saturday: "09:00-13:00"
                        holidays: [2026-12-08, 2026-12-25]
                      manila-centre:
                        zone: Asia/Manila
                        hours: {monday-saturday: 24h}
                    tenant-calendars:
                      acme: lisbon-office
                    centre-calendars:
                      apac-manila: manila-centre
                """;
        new ApplicationContextRunner().withUserConfiguration(SlaConfiguration.class)
                .withInitializer(context -> {
                    try {
                        new YamlPropertySourceLoader().load("readme", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)))
                                .forEach(context.getEnvironment().getPropertySources()::addFirst);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .run(context -> {
                    SlaCalendars calendars = context.getBean(SlaCalendars.class);
                    BusinessCalendar lisbon = calendars.forTicket(SlaClockMode.BUSINESS_HOURS, "acme", SlaCalendarsConfigurationTest::notAsked);
                    // Saturday 5 December 12:00 + 2h: one hour on Saturday, Monday 7th from 09:00; 8th is a holiday
                    assertThat(lisbon.plus(Instant.parse("2026-12-05T12:00:00Z"), Duration.ofHours(2)))
                            .isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
                    assertThat(lisbon.between(Instant.parse("2026-12-08T00:00:00Z"), Instant.parse("2026-12-09T00:00:00Z"))).isZero();
                    assertThat(calendars.forTicket(SlaClockMode.BUSINESS_HOURS, "globex", () -> "apac-manila").zone().getId())
                            .isEqualTo("Asia/Manila");
                });
    }

    @Test
    void anUnknownTimeZoneStopsTheStart() {
        assertStartFails("tierzero.sla.calendars.lisbon-office.zone: Europe/Lisbn is not a time zone",
                "tierzero.sla.calendars.lisbon-office.zone=Europe/Lisbn");
    }

    @Test
    void aMissingTimeZoneStopsTheStart() {
        assertStartFails("tierzero.sla.calendars.office.zone is missing",
                "tierzero.sla.calendars.office.hours.monday=09:00-17:00");
    }

    @Test
    void unreadableWorkingHoursStopTheStart() {
        assertStartFails("tierzero.sla.calendars.lisbon-office.hours.saturday: 9-13 is not a time range",
                "tierzero.sla.calendars.lisbon-office.hours.saturday=9-13");
        assertStartFails("tierzero.sla.calendars.lisbon-office.hours.saturday: noon is not working hours",
                "tierzero.sla.calendars.lisbon-office.hours.saturday=noon");
    }

    @Test
    void anUnknownWeekdayStopsTheStart() {
        assertStartFails("tierzero.sla.calendars.lisbon-office.hours.funday: funday is not a weekday",
                "tierzero.sla.calendars.lisbon-office.hours.funday=09:00-17:00");
    }

    @Test
    void aDayGivenTwiceStopsTheStart() {
        assertStartFails("tierzero.sla.calendars.lisbon-office.hours: friday is given more than once",
                "tierzero.sla.calendars.lisbon-office.hours.friday=09:00-13:00");
    }

    @Test
    void aHolidayThatIsNotADateStopsTheStart() {
        assertStartFails("tierzero.sla.calendars.lisbon-office.holidays: 25/12/2026 is not a date",
                "tierzero.sla.calendars.lisbon-office.holidays=25/12/2026");
    }

    @Test
    void aTenantOrCentreOnAnUndefinedCalendarStopsTheStart() {
        assertStartFails("tierzero.sla.tenant-calendars.globex names calendar porto-office, which is not defined",
                "tierzero.sla.tenant-calendars.globex=porto-office");
        assertStartFails("tierzero.sla.centre-calendars.amer-austin names calendar austin-centre, which is not defined",
                "tierzero.sla.centre-calendars.amer-austin=austin-centre");
    }

    @Test
    void theRoundTheClockNameIsReserved() {
        assertStartFails("the name 24x7 is reserved",
                "tierzero.sla.calendars.24x7.zone=UTC", "tierzero.sla.calendars.24x7.hours.monday=24h");
    }

    private static String notAsked() {
        throw new AssertionError("the support centre matters only when it may have a calendar");
    }

    private void assertStartFails(String message, String... properties) {
        app.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(message);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SlaProperties.class)
    @Import(SlaCalendars.class)
    static class SlaConfiguration {
    }
}
