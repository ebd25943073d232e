package io.tierzero.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.reports.KpiOracle.TicketRow;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.TestAccounts;
import io.tierzero.support.Requests;
import io.tierzero.support.TicketApi;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The reports API on the whole embedded product: tickets worked through the task API by agents, then the KPI and
 * ROI figures the API returns compared with the ones worked out from the tickets' rows.
 */
class ReportsApiTest extends EmbeddedStackTest {

    private String tenant;
    private TicketApi api;

    @BeforeEach
    void ownTenant() {
        tenant = "reports-" + Long.toString(System.nanoTime(), 36);
        jdbc.sql("insert into tenants (tenant_id, name, service_tier, region) values (?, 'Reports test', 'gold', 'emea')")
                .param(tenant).update();
        api = new TicketApi(http, tenant);
    }

    @Test
    void theKpisAndTheRoiOfTicketsWorkedByAgentsAreTheOnesTheirRowsGive() {
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        String resolved = api.submit(Requests.passwordReset("Resolved by an agent"));
        JsonNode task = api.awaitOpenTask(resolved);
        api.claim(task, "agent.rita");
        api.complete(task, "agent.rita", "{\"resolution\": \"resolved\", \"resolutionNotes\": \"Password reset\"}");
        api.awaitState(resolved, "resolved");

        String escalated = api.submit(Requests.passwordReset("Escalated to L2, then resolved"));
        JsonNode l1Task = api.awaitOpenTask(escalated);
        api.claim(l1Task, "agent.rita");
        api.complete(l1Task, "agent.rita", """
                {"resolution": "escalate", "resolutionNotes": "Account disabled", "escalationReason": "Needs admin rights"}""");
        JsonNode l2Task = api.awaitOpenTask(escalated);
        api.claim(l2Task, "agent.lee");
        api.complete(l2Task, "agent.lee", "{\"resolution\": \"resolved\", \"resolutionNotes\": \"Account enabled\"}");
        api.awaitState(escalated, "resolved");

        api.awaitOpenTask(api.submit(Requests.passwordReset("Still in the queue")));
        Instant to = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        String period = "?from=" + from + "&to=" + to;

        JsonNode kpis = http.getForObject(reports("kpis") + period, JsonNode.class);
        KpiOracle oracle = new KpiOracle(jdbc, tenant, from, to);
        List<TicketRow> created = oracle.created();
        List<TicketRow> resolvedRows = oracle.resolved();
        assertThat(kpis.path("tenantId").asText()).isEqualTo(tenant);
        assertThat(Instant.parse(kpis.path("from").asText())).isEqualTo(from);
        assertThat(kpis.path("volume").path("created").asLong()).isEqualTo(created.size()).isEqualTo(3);
        assertThat(kpis.path("volume").path("resolved").asLong()).isEqualTo(resolvedRows.size()).isEqualTo(2);
        assertThat(kpis.path("automation").path("automated").asLong()).isZero();
        assertThat(kpis.path("automation").path("rate").asDouble()).isZero();

        List<Double> firstResponses = created.stream().map(oracle::firstResponseSeconds).filter(s -> s != null).toList();
        JsonNode firstResponse = kpis.path("firstResponse").path("times").path("human");
        assertThat(firstResponses).as("the claimed ones at least").hasSizeGreaterThanOrEqualTo(2);
        assertThat(firstResponse.path("count").asLong()).isEqualTo(firstResponses.size());
        assertThat(firstResponse.path("medianSeconds").asDouble())
                .isCloseTo(KpiOracle.percentile(firstResponses, 0.5), within(1e-3));
        assertThat(firstResponse.path("p90Seconds").asDouble())
                .isCloseTo(KpiOracle.percentile(firstResponses, 0.9), within(1e-3));
        assertThat(kpis.path("firstResponse").path("times").path("automated").path("count").asLong()).isZero();

        List<Double> resolutionTimes = resolvedRows.stream().map(KpiOracle::resolutionSeconds).toList();
        JsonNode mttr = kpis.path("resolutionTimes").path("overall").path("all");
        assertThat(mttr.path("count").asLong()).isEqualTo(2);
        assertThat(mttr.path("meanSeconds").asDouble()).isCloseTo(KpiOracle.mean(resolutionTimes), within(1e-3));
        assertThat(kpis.path("resolutionTimes").path("byPriority").findValuesAsText("priority"))
                .isEqualTo(resolvedRows.stream().map(TicketRow::priority).distinct().sorted().toList());
        assertThat(kpis.path("resolutionTimes").path("byCategory").findValuesAsText("category"))
                .isEqualTo(resolvedRows.stream().map(TicketRow::category).distinct().sorted().toList());

        long met = resolvedRows.stream().filter(oracle::slaMet).count();
        assertThat(kpis.path("slaAttainment").path("resolvedWithTarget").asLong()).isEqualTo(2);
        assertThat(kpis.path("slaAttainment").path("met").asLong()).isEqualTo(met);
        assertThat(kpis.path("slaAttainment").path("attainment").asDouble()).isEqualTo(met / 2.0);

        assertThat(kpis.path("escalation").path("handedToPeople").asLong()).isEqualTo(3);
        assertThat(kpis.path("escalation").path("rate").asDouble()).isEqualTo(1.0);
        assertThat(kpis.path("escalation").path("escalatedToHigherTier").asLong()).isEqualTo(1);
        long reassigned = created.stream().filter(t -> oracle.groupsOf(t).size() > 1).count();
        assertThat(reassigned).as("L1's group to L2's").isEqualTo(1);
        assertThat(kpis.path("reassignment").path("reassigned").asLong()).isEqualTo(reassigned);
        assertThat(kpis.path("reassignment").path("pingPong").asLong()).isZero();
        assertThat(kpis.path("modelAccuracy").path("predictions").asLong()).as("no model in this app").isZero();
        assertThat(kpis.path("modelAccuracy").path("accuracy").isNull()).isTrue();

        JsonNode roi = http.getForObject(reports("roi") + period, JsonNode.class);
        JsonNode variables = roi.path("variables");
        double monthlyVolume = 3.0 * ReportWindow.AVERAGE_MONTH.toMillis() / Duration.between(from, to).toMillis();
        assertThat(variables.path("monthlyVolume").path("value").asDouble()).isCloseTo(monthlyVolume, within(1e-6));
        assertThat(variables.path("monthlyVolume").path("source").asText()).isEqualTo("measured");
        assertThat(variables.path("automationRate").path("value").asDouble()).isZero();
        assertThat(variables.path("escalationRate").path("value").asDouble()).isEqualTo(1.0);
        List<Double> handling = oracle.handlingMinutesPerTicket();
        assertThat(handling).as("the tickets with a completed task").hasSize(2);
        assertThat(variables.path("handlingMinutes").path("value").asDouble())
                .isCloseTo(KpiOracle.mean(handling), within(1e-6));
        assertThat(variables.path("handlingMinutes").path("source").asText()).isEqualTo("measured");
        assertThat(variables.path("hourlyCost").path("source").asText()).isEqualTo("input");
        assertThat(variables.path("hourlyCost").path("value").asDouble()).isEqualTo(45.0);
        assertThat(roi.path("currency").asText()).isEqualTo("EUR");
        double without = monthlyVolume * KpiOracle.mean(handling) / 60 * 45.0;
        assertThat(roi.path("savings").path("monthlyCostWithoutTierZero").asDouble()).isCloseTo(without, within(1e-6));
        assertThat(roi.path("savings").path("costSavedPerMonth").asDouble()).as("nothing automated")
                .isCloseTo(0.0, within(1e-9));
    }

    @Test
    void roiInputsStartAtTheDefaultsAndEveryChangeIsAudited() {
        JsonNode defaults = http.getForObject(reports("roi-inputs"), JsonNode.class);
        assertThat(defaults.path("hourlyCost").decimalValue()).isEqualByComparingTo("45");
        assertThat(defaults.path("handlingMinutes").decimalValue()).isEqualByComparingTo("25");
        assertThat(defaults.path("currency").asText()).isEqualTo("EUR");
        assertThat(defaults.path("updatedBy").isNull()).isTrue();

        ResponseEntity<JsonNode> changed = put(reports("roi-inputs"), """
                {"hourlyCost": 60, "handlingMinutes": 30.5, "costPerAutomatedTicket": 1.2, "currency": "USD",
                 "reason": "2027 rates"}""");
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody().path("updatedBy").asText()).isEqualTo(TestAccounts.STAFF);
        JsonNode stored = http.getForObject(reports("roi-inputs"), JsonNode.class);
        assertThat(stored.path("hourlyCost").decimalValue()).isEqualByComparingTo("60");
        assertThat(stored.path("handlingMinutes").decimalValue()).isEqualByComparingTo("30.5");
        assertThat(stored.path("costPerAutomatedTicket").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(stored.path("currency").asText()).isEqualTo("USD");

        Map<String, Object> audited = jdbc.sql("""
                        select actor_kind, actor_id, reason, payload from ticket_events
                        where tenant_id = ? and action = ?""").params(tenant, RoiInputsStore.CHANGED_ACTION)
                .query().singleRow();
        assertThat(audited).containsEntry("actor_kind", "human").containsEntry("actor_id", TestAccounts.STAFF)
                .containsEntry("reason", "2027 rates");
        assertThat((String) audited.get("payload")).contains("\"before\"", "\"currency\":\"EUR\"",
                "\"currency\":\"USD\"", "\"hourlyCost\":\"60.00\"");

        JsonNode roi = http.getForObject(reports("roi"), JsonNode.class);
        assertThat(roi.path("currency").asText()).isEqualTo("USD");
        assertThat(roi.path("variables").path("hourlyCost").path("value").asDouble()).isEqualTo(60.0);
        assertThat(roi.path("variables").path("handlingMinutes").path("value").asDouble())
                .as("no agent work measured in the period").isEqualTo(30.5);
        assertThat(roi.path("variables").path("handlingMinutes").path("source").asText()).isEqualTo("input");
        assertThat(roi.path("variables").path("costPerAutomatedTicket").path("value").asDouble()).isEqualTo(1.2);
    }

    @Test
    void invalidRoiInputsAreRefusedWithAProblemDetail() {
        ResponseEntity<JsonNode> negative = put(reports("roi-inputs"), """
                {"hourlyCost": -5, "handlingMinutes": 0, "costPerAutomatedTicket": 1, "currency": "EUR",
                 "reason": "typo"}""");
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(negative.getBody().path("errors").has("hourlyCost")).isTrue();
        assertThat(negative.getBody().path("errors").has("handlingMinutes")).isTrue();

        ResponseEntity<JsonNode> currency = put(reports("roi-inputs"), """
                {"hourlyCost": 50, "handlingMinutes": 20, "costPerAutomatedTicket": 1, "currency": "XYZ",
                 "reason": "typo"}""");
        assertThat(currency.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(currency.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(currency.getBody().path("detail").asText()).contains("XYZ", "ISO 4217");

        ResponseEntity<JsonNode> missing = put(reports("roi-inputs"), "{\"hourlyCost\": 50}");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.sql("select count(*) from report_roi_inputs where tenant_id = ?").param(tenant)
                .query(Long.class).single()).as("nothing stored").isZero();
        assertThat(put("/api/tenants/no-such-tenant/reports/roi-inputs", """
                {"hourlyCost": 50, "handlingMinutes": 20, "costPerAutomatedTicket": 1, "currency": "EUR",
                 "reason": "typo"}""").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void periodsThatCannotBeReportedAreRefusedWithAProblemDetail() {
        assertProblem(reports("kpis") + "?from=yesterday", HttpStatus.BAD_REQUEST, "yesterday");
        assertProblem(reports("kpis") + "?from=2026-11-02&to=2026-11-01", HttpStatus.BAD_REQUEST, "must be before");
        assertProblem(reports("roi") + "?from=2026-11-01T00:00:00Z&to=2026-11-01T00:00:00Z", HttpStatus.BAD_REQUEST,
                "must be before");
        assertProblem(reports("kpis") + "?from=2024-01-01&to=2026-01-01", HttpStatus.BAD_REQUEST, "366 days");
        assertProblem("/api/tenants/no-such-tenant/reports/kpis", HttpStatus.NOT_FOUND, "no-such-tenant");
        assertProblem("/api/tenants/no-such-tenant/reports/roi", HttpStatus.NOT_FOUND, "no-such-tenant");
        assertProblem("/api/tenants/no-such-tenant/reports/roi-inputs", HttpStatus.NOT_FOUND, "no-such-tenant");

        JsonNode lastThirtyDays = http.getForObject(reports("kpis"), JsonNode.class);
        assertThat(Duration.between(Instant.parse(lastThirtyDays.path("from").asText()),
                Instant.parse(lastThirtyDays.path("to").asText()))).isEqualTo(Duration.ofDays(30));
        JsonNode dates = http.getForObject(reports("kpis") + "?from=2026-11-01&to=2026-12-01", JsonNode.class);
        assertThat(dates.path("from").asText()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(dates.path("volume").path("created").asLong()).isZero();
    }

    private void assertProblem(String path, HttpStatus status, String detail) {
        ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getBody().path("detail").asText()).as(path).contains(detail);
    }

    private ResponseEntity<JsonNode> put(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private String reports(String report) {
        return "/api/tenants/" + tenant + "/reports/" + report;
    }
}
