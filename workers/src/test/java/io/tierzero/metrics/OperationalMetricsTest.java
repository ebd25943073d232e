package io.tierzero.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.Requests;
import io.tierzero.support.TicketApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The metrics an ops person scrapes, checked against the database they are read from. */
class OperationalMetricsTest extends EmbeddedStackTest {

    @Autowired
    private OperationalMetrics metrics;

    @Test
    void prometheusShowsTicketsAutomationDecisionsSlaAndSyncLagAsTheDatabaseHasThem() throws Exception {
        String tenant = "metrics-" + Long.toString(System.nanoTime(), 36);
        jdbc.sql("insert into tenants (tenant_id, name, service_tier, region) values (?, 'Metrics test', 'gold', 'emea')")
                .param(tenant).update();
        TicketApi api = new TicketApi(http, tenant);
        String first = api.submit(Requests.passwordReset("Metrics one"));
        String second = api.submit(Requests.passwordReset("Metrics two"));
        api.awaitOpenTask(first);
        api.awaitOpenTask(second);
        UUID ticket = UUID.fromString(first);
        jdbc.sql("update tickets set sla_warned_at = now() where ticket_id = ?").param(ticket).update();
        jdbc.sql("""
                        insert into triage_predictions (tenant_id, ticket_id, model_version, predicted_group, group_confidence,
                            automation_decision, shadow, predicted_at)
                        values (?, ?, 'metrics-test', 'L1-service-desk', 0.9, 'automate', false, now())""")
                .params(tenant, ticket).update();
        // not due for an hour, so the dispatcher leaves it pending: two minutes old, it is the connection's lag
        jdbc.sql("""
                        insert into sync_outbox (tenant_id, connection_id, ticket_id, event_sequence, kind, next_attempt_at, created_at)
                        values (?, 'request-tracker:metrics', ?, 1, 'update', now() + interval '1 hour', now() - interval '120 seconds')""")
                .params(tenant, ticket).update();

        metrics.refresh();
        Map<String, Double> scraped = scrape();

        long assigned = jdbc.sql("select count(*) from tickets where tenant_id = ? and state = 'assigned'").param(tenant)
                .query(Long.class).single();
        assertThat(assigned).isEqualTo(2);
        assertThat(scraped).containsEntry("tierzero_tickets{state=\"assigned\",tenant=\"" + tenant + "\"}", (double) assigned);
        assertThat(scraped).containsEntry("tierzero_sla_at_risk_tickets{tenant=\"" + tenant + "\"}", 1.0);
        assertThat(scraped).containsEntry("tierzero_sla_breached_open_tickets{tenant=\"" + tenant + "\"}", 0.0);
        assertThat(scraped).containsEntry(
                "tierzero_automation_decisions_total{decision=\"automate\",shadow=\"false\",tenant=\"" + tenant + "\"}", 1.0);
        assertThat(scraped).containsEntry(
                "tierzero_sync_outbox_pending{connection=\"request-tracker:metrics\",tenant=\"" + tenant + "\"}", 1.0);
        assertThat(scraped.get("tierzero_sync_lag_seconds{connection=\"request-tracker:metrics\",tenant=\"" + tenant + "\"}"))
                .isBetween(120.0, 180.0);
        assertThat(scraped.keySet()).anyMatch(name -> name.startsWith("camunda_job_invocations_total{action=\"completed\""));
        assertThat(scraped.keySet()).anyMatch(name -> name.startsWith("tierzero_worker_latency_seconds_count{outcome=\"completed\",type=\"ticket.assign\"}"));

        Set<String> scrapedNames = scraped.keySet().stream().map(name -> name.replaceAll("\\{.*", "")).collect(Collectors.toSet());
        assertThat(metricsOnTheGrafanaDashboard()).isNotEmpty().allSatisfy(name -> assertThat(scrapedNames).contains(name));
    }

    /** Every TierZero metric docker/'s Grafana dashboard queries. */
    private static Set<String> metricsOnTheGrafanaDashboard() throws Exception {
        String dashboard = Files.readString(Path.of("..", "docker", "monitoring", "grafana", "dashboards", "tierzero-operations.json"));
        return Pattern.compile("tierzero_[a-z_]+").matcher(dashboard).results().map(MatchResult::group).collect(Collectors.toSet());
    }

    private Map<String, Double> scrape() {
        String text = http.getForObject("/actuator/prometheus", String.class);
        return Arrays.stream(text.split("\n"))
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .collect(Collectors.toMap(line -> line.substring(0, line.lastIndexOf(' ')),
                        line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), (one, other) -> one));
    }
}
