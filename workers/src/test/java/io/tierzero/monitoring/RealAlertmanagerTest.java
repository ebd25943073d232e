package io.tierzero.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.TicketApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Prometheus Alertmanager itself (Debian's prometheus-alertmanager 0.25) notifies the webhook: an alert posted to
 * its API opens one incident, and its resolution annotates that incident.
 */
class RealAlertmanagerTest extends EmbeddedStackTest {

    private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

    @LocalServerPort
    private int appPort;

    @TempDir
    private Path workDir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process alertmanager;
    private URI alertmanagerApi;

    @BeforeEach
    void startAlertmanager() throws IOException {
        assumeTrue(Files.isExecutable(BINARY), "prometheus-alertmanager is not installed: run the test setup "
                + "(./tierzero test installs the Debian package prometheus-alertmanager)");
        jdbc.sql("insert into tenants (tenant_id, name, service_tier, region) values (?, 'Alertmanager test', 'gold', 'emea') on conflict do nothing")
                .param(ALERTMANAGER_TEST_TENANT).update();
        Path config = Files.writeString(workDir.resolve("alertmanager.yml"), """
                route:
                  receiver: tierzero
                  group_by: [alertname, instance]
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 4h
                receivers:
                  - name: tierzero
                    webhook_configs:
                      - url: http://127.0.0.1:%d/integrations/tenants/%s/alerts/alertmanager
                        send_resolved: true
                        http_config:
                          authorization:
                            credentials: %s
                """.formatted(appPort, ALERTMANAGER_TEST_TENANT, ALERT_TEST_TOKEN));
        int port = freePort();
        alertmanager = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.path=" + Files.createDirectories(workDir.resolve("data")),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(workDir.resolve("alertmanager.log").toFile())
                .start();
        alertmanagerApi = URI.create("http://127.0.0.1:" + port);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> get("/-/ready") == 200);
    }

    @AfterEach
    void stopAlertmanager() throws InterruptedException {
        if (alertmanager != null) {
            alertmanager.destroy();
            if (!alertmanager.waitFor(10, TimeUnit.SECONDS)) {
                alertmanager.destroyForcibly();
            }
        }
    }

    @Test
    void anAlertFromAlertmanagerOpensOneIncidentAndItsResolutionAnnotatesIt() throws Exception {
        String host = "am-" + UUID.randomUUID().toString().substring(0, 8);
        Instant startsAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String alert = """
                [{"labels": {"alertname": "DiskFull", "instance": "%s:9100", "severity": "critical"},
                  "annotations": {"summary": "/var 97%% full"}, "startsAt": "%s", %s
                  "generatorURL": "http://prometheus.test/graph"}]""";

        postAlerts(alert.formatted(host, startsAt, ""));
        String ticketId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> ticketOfAlertOn(host), ticket -> ticket != null);
        postAlerts(alert.formatted(host, startsAt, ""));
        postAlerts(alert.formatted(host, startsAt, "\"endsAt\": \"" + Instant.now().minusSeconds(1) + "\","));

        TicketApi api = new TicketApi(http, ALERTMANAGER_TEST_TENANT);
        api.awaitTicket(ticketId, view -> TicketApi.actions(view).contains("monitoring.alert-resolved"));
        assertThat(jdbc.sql("select count(*) from monitoring_incidents where tenant_id = ? and configuration_item = ?")
                .params(ALERTMANAGER_TEST_TENANT, host).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select status from monitoring_alerts where tenant_id = ? and configuration_item = ?")
                .params(ALERTMANAGER_TEST_TENANT, host).query(String.class).single()).isEqualTo("resolved");
        assertThat(api.ticket(ticketId).path("ticket").path("subject").asText()).isEqualTo("DiskFull on " + host);
        assertThat(TicketApi.actions(api.ticket(ticketId))).contains("monitoring.all-alerts-resolved");
    }

    private String ticketOfAlertOn(String host) {
        return jdbc.sql("""
                        select g.ticket_id::text from monitoring_alerts a join monitoring_incidents g on g.incident_id = a.incident_id
                        where a.tenant_id = ? and a.configuration_item = ?""")
                .params(ALERTMANAGER_TEST_TENANT, host).query(String.class).optional().orElse(null);
    }

    private void postAlerts(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(alertmanagerApi.resolve("/api/v2/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private int get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(alertmanagerApi.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
