package io.tierzero.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.Requests;
import io.tierzero.support.TicketApi;
import io.tierzero.ticket.ProcessStep;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The SLA engine on the whole stack, for a tenant whose business hours are one hour a day (09:00-10:00 UTC): due
 * times in business time, the pause for the customer, and the verdicts on first response and resolution.
 */
class BusinessHoursSlaTest extends EmbeddedStackTest {

    @Autowired
    private SlaCalendars calendars;

    @Autowired
    private TicketLifecycle lifecycle;

    @Autowired
    private TicketRepository tickets;

    @Autowired
    private TicketSlaRepository slas;

    @Autowired
    private SupportCentreOnShift centreOnShift;

    private TicketApi api;
    private BusinessCalendar oneHourADay;

    @BeforeEach
    void tenantOnBusinessHours() {
        jdbc.sql("insert into tenants (tenant_id, name, service_tier, region) values (?, 'SLA hours', 'silver', 'emea') on conflict do nothing")
                .param(SLA_TEST_TENANT).update();
        api = new TicketApi(http, SLA_TEST_TENANT);
        oneHourADay = calendars.named(SLA_TEST_CALENDAR).orElseThrow();
    }

    @Test
    void aBusinessHoursTargetCountsOnlyTheTenantsWorkingHours() {
        String ticketId = api.submit(Requests.passwordReset("Business hours"));
        api.awaitOpenTask(ticketId);

        JsonNode sla = sla(ticketId);
        assertThat(sla.path("priority").asText()).isEqualTo("P3");
        assertThat(sla.path("clock").asText()).isEqualTo("business-hours");
        assertThat(sla.path("calendar").path("name").asText()).isEqualTo(SLA_TEST_CALENDAR);
        assertThat(sla.path("calendar").path("zone").asText()).isEqualTo("UTC");
        assertThat(sla.path("targets").path("responseMinutes").asInt()).isEqualTo(120);
        assertThat(sla.path("targets").path("resolutionMinutes").asInt()).isEqualTo(2880);
        Instant started = instant(sla.path("startedAt"));
        Instant responseDue = instant(sla.path("response").path("dueAt"));
        Instant atRisk = instant(sla.path("atRiskAt"));
        Instant resolutionDue = instant(sla.path("resolution").path("dueAt"));

        // two business hours are two working days away, 48 of them 48 days away
        assertThat(oneHourADay.between(started, responseDue)).isEqualTo(Duration.ofMinutes(120));
        assertThat(Duration.between(started, responseDue)).isGreaterThan(Duration.ofDays(1));
        assertThat(oneHourADay.between(started, atRisk)).isEqualTo(Duration.ofMinutes(2160));
        assertThat(oneHourADay.between(started, resolutionDue)).isEqualTo(Duration.ofMinutes(2880));
        assertThat(Duration.between(started, resolutionDue)).isGreaterThan(Duration.ofDays(47));
        assertThat(LocalTime.ofInstant(resolutionDue, ZoneOffset.UTC)).isBetween(LocalTime.of(9, 0), LocalTime.of(10, 0));
        JsonNode ticket = api.ticket(ticketId).path("ticket");
        assertThat(instant(ticket.path("responseDueAt"))).isEqualTo(responseDue);
        assertThat(instant(ticket.path("resolutionDueAt"))).isEqualTo(resolutionDue);
    }

    @Test
    void theSupportGroupTakingTheTicketInTimeIsAResponseThatMetItsTarget() {
        String ticketId = api.submit(Requests.passwordReset("Responded in time"));
        JsonNode task = api.awaitOpenTask(ticketId);

        api.claim(task, "agent.rita");
        api.claim(task, "agent.rita");

        JsonNode response = sla(ticketId).path("response");
        assertThat(response.path("met").asBoolean()).isTrue();
        assertThat(instant(response.path("doneAt"))).isBefore(instant(response.path("dueAt")));
        assertThat(TicketApi.actions(api.ticket(ticketId)).stream().filter(a -> a.startsWith("sla.response-")))
                .containsExactly("sla.response-met");
    }

    @Test
    void aResponseAfterItsDueTimeIsABreach() {
        String ticketId = api.submit(Requests.passwordReset("Responded late"));
        JsonNode task = api.awaitOpenTask(ticketId);
        dueTimePassed(ticketId, "response_due_at");

        api.claim(task, "agent.rita");

        assertThat(sla(ticketId).path("response").path("met").asBoolean(true)).isFalse();
        assertThat(TicketApi.actions(api.ticket(ticketId))).contains("sla.response-breached").doesNotContain("sla.response-met");
    }

    @Test
    void aLateResolutionIsABreachThatAReopeningAndASecondResolutionLeaveAsItWas() {
        String ticketId = api.submit(Requests.passwordReset("Resolved late"));
        JsonNode task = api.awaitOpenTask(ticketId);
        api.claim(task, "agent.rita");
        dueTimePassed(ticketId, "resolution_due_at");

        api.complete(task, "agent.rita", "{\"resolution\": \"resolved\", \"resolutionNotes\": \"Reset the password\"}");
        api.awaitTicket(ticketId, v -> TicketApi.actions(v).contains("sla.resolution-breached"));
        JsonNode firstResolution = sla(ticketId).path("resolution");
        assertThat(firstResolution.path("met").asBoolean(true)).isFalse();
        assertThat(firstResolution.path("doneAt").asText()).isNotBlank();

        api.answerConfirmation(ticketId, false);
        JsonNode reopenedTask = api.awaitOpenTask(ticketId);
        api.claim(reopenedTask, "agent.rita");
        api.complete(reopenedTask, "agent.rita", "{\"resolution\": \"resolved\", \"resolutionNotes\": \"Unlocked it too\"}");

        JsonNode view = api.awaitTicket(ticketId, v -> TicketApi.actions(v).stream().filter("ticket.resolved"::equals).count() == 2);
        assertThat(TicketApi.actions(view).stream().filter(a -> a.startsWith("sla.resolution-") || a.startsWith("sla.response-")))
                .containsExactly("sla.response-met", "sla.resolution-breached");
        assertThat(sla(ticketId).path("resolution")).isEqualTo(firstResolution);
    }

    @Test
    void waitingForTheCustomerKeepsTheBusinessTimeThatWasLeft() {
        String ticketId = api.submit(Requests.passwordReset("Waiting for the customer"));
        JsonNode task = api.awaitOpenTask(ticketId);
        api.claim(task, "agent.rita");
        api.complete(task, "agent.rita", "{\"resolution\": \"pending-customer\", \"resolutionNotes\": \"Which laptop?\"}");
        api.awaitState(ticketId, "pending_customer");
        JsonNode paused = sla(ticketId);
        Instant pausedAt = instant(paused.path("pausedSince"));
        Instant dueAtPause = instant(paused.path("resolution").path("dueAt"));

        api.replyAsCustomer(ticketId, "The Dell in room 2");
        api.awaitTicket(ticketId, v -> TicketApi.actions(v).contains("sla.clock-resumed"));

        JsonNode resumed = sla(ticketId);
        assertThat(resumed.hasNonNull("pausedSince")).isFalse();
        Instant resumedAt = pausedAt.plusSeconds(resumed.path("pausedSeconds").asLong());
        assertThat(instant(resumed.path("resolution").path("dueAt")))
                .isEqualTo(oneHourADay.plus(resumedAt, oneHourADay.between(pausedAt, dueAtPause)));
    }

    @Test
    void businessTimeLeftAtThePauseIsLaidOutFromTheResumption() {
        String ticketId = api.submit(Requests.passwordReset("Paused over days"));
        api.awaitOpenTask(ticketId);
        UUID id = UUID.fromString(ticketId);
        jdbc.sql("update tickets set response_due_at = null, resolution_due_at = null, sla_warning_at = null where ticket_id = ?")
                .param(id).update();

        // Monday 7 December 09:30 UTC: half an hour of the day's business hour is left
        SlaDueTimes started = clockAt("2026-12-07T09:30:00Z").start(id, "P3",
                new SlaTargets(120, 2880, SlaClockMode.BUSINESS_HOURS), new ProcessStep(1, "start-sla-clock", 301));
        assertThat(started.responseDueAt()).isEqualTo(Instant.parse("2026-12-09T09:30:00Z"));
        clockAt("2026-12-07T09:45:00Z").pause(id, new ProcessStep(1, "pause-sla-clock", 302));
        SlaDueTimes resumed = clockAt("2026-12-10T09:00:00Z").resume(id, new ProcessStep(1, "resume-sla-clock", 303));

        // 105 of 120 response minutes were left: Thursday's hour and 45 minutes on Friday
        assertThat(resumed.responseDueAt()).isEqualTo(Instant.parse("2026-12-11T09:45:00Z"));
        // 2865 of 2880 resolution minutes: 47 whole days from Thursday, then 45 minutes
        assertThat(resumed.breachAt()).isEqualTo(Instant.parse("2027-01-26T09:45:00Z"));
        // the warning at 2160 minutes: 2145 were left
        assertThat(resumed.warningAt()).isEqualTo(Instant.parse("2027-01-14T09:45:00Z"));
        JsonNode sla = sla(ticketId);
        assertThat(sla.path("pausedSeconds").asLong()).isEqualTo(Duration.parse("PT71H15M").toSeconds());
        assertThat(sla.path("calendar").path("name").asText()).isEqualTo(SLA_TEST_CALENDAR);
    }

    @Test
    void theCentreOnShiftIsTheOneTheRoutingDecisionWouldRouteTo() {
        assertThat(centreOnShift.at(Instant.parse("2026-12-07T10:00:00Z"), "emea")).isEqualTo("emea-lisbon");
        assertThat(centreOnShift.at(Instant.parse("2026-12-07T16:30:00Z"), "emea")).isEqualTo("amer-austin");
        assertThat(centreOnShift.at(Instant.parse("2026-12-07T02:00:00Z"), "apac")).isEqualTo("apac-manila");
    }

    @Test
    void anUnknownTicketIsA404ProblemDetail() {
        ResponseEntity<JsonNode> response = http.getForEntity(
                "/api/tenants/" + SLA_TEST_TENANT + "/tickets/" + UUID.randomUUID() + "/sla", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().path("detail").asText()).startsWith("There is no ticket");
    }

    private JsonNode sla(String ticketId) {
        ResponseEntity<JsonNode> response = http.getForEntity(
                "/api/tenants/" + SLA_TEST_TENANT + "/tickets/" + ticketId + "/sla", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private SlaClock clockAt(String instant) {
        return new SlaClock(lifecycle, tickets, slas, calendars, centreOnShift, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private void dueTimePassed(String ticketId, String column) {
        jdbc.sql("update tickets set " + column + " = now() - interval '1 minute' where ticket_id = ?")
                .param(UUID.fromString(ticketId)).update();
    }

    private static Instant instant(JsonNode node) {
        return Instant.parse(node.asText());
    }
}
