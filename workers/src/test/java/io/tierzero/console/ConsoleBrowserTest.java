package io.tierzero.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.tierzero.support.FlakyStep;
import io.tierzero.support.ModelDrivenApp;
import io.tierzero.support.Requests;
import io.tierzero.support.SearchEnabledApp;
import io.tierzero.support.TestAccounts;
import io.tierzero.support.TicketApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console in a real browser: Debian's Chromium, headless, driven by playwright-core (console/browser-tests)
 * against the embedded app. Screenshots are kept in workers/target/browser-screenshots.
 */
class ConsoleBrowserTest {

    private static final Path CONSOLE = Path.of("..", "console").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots").toAbsolutePath();

    private static ModelDrivenApp app;

    @BeforeAll
    static void chromiumAndTheAppWithItsSearchIndex() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed: run the test setup "
                + "(./tierzero test installs the Debian package chromium)");
        app = SearchEnabledApp.shared();
    }

    @Test
    void anAgentCompletesATaskThroughTheRenderedFormAndComplianceFindsItInAVerifiedTrail() throws Exception {
        String tenant = newTenant();
        TicketApi api = new TicketApi(app.http(), tenant);
        String ticketId = api.submit(Requests.passwordReset("Shared drive mapping lost"));
        JsonNode task = api.awaitOpenTask(ticketId);
        String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();

        runBrowserTest("agent-completes-task.mjs", tenant, "agent.rita", TestAccounts.PASSWORD, Map.of("TIERZERO_REFERENCE", reference));

        JsonNode completed = app.http().getForObject("/api/tenants/" + tenant + "/tasks/" + task.path("taskId").asText(), JsonNode.class);
        assertThat(completed.path("state").asText()).isEqualTo("completed");
        assertThat(completed.path("assignee").asText()).isEqualTo("agent.rita");
        api.awaitState(ticketId, "resolved");
        assertThat(app.bean(JdbcClient.class).sql("select outcome ->> 'resolutionNotes' from human_tasks where task_id = ?")
                .param(UUID.fromString(task.path("taskId").asText())).query(String.class).single())
                .isEqualTo("Mapped the S: drive again with the logon script.");

        // compliance.carl and exec.eva are demo accounts (password demo) of the embedded default
        runBrowserTest("compliance-finds-the-event-in-a-verified-trail.mjs", tenant, "compliance.carl", "demo",
                Map.of("TIERZERO_REFERENCE", reference, "TIERZERO_ACTOR", "agent.rita"));
        assertThat(SCREENSHOTS.resolve("compliance-finds-the-event-in-a-verified-trail-ticket-timeline.png")).isNotEmptyFile();

        runBrowserTest("dashboard-shows-the-apis-numbers.mjs", tenant, "exec.eva", "demo", Map.of());
        assertThat(app.bean(JdbcClient.class).sql("""
                        select count(*) from ticket_events where tenant_id = ? and action = 'reports.roi-inputs-changed'
                        and actor_id = 'exec.eva'""")
                .param(tenant).query(Long.class).single()).isOne();
    }

    @Test
    void aRequesterSubmitsInThePortalAndConfirmsTheAgentsAnswer() throws Exception {
        String subject = "Projector shows no picture " + Long.toString(System.nanoTime(), 36);
        String notes = "Replaced the HDMI cable of room 2.14.";
        // ana.silva: the demo tenant's requester, with her address in its directory
        runBrowserTest("requester-submits-a-request.mjs", "demo", "ana.silva", TestAccounts.PASSWORD,
                Map.of("TIERZERO_SUBJECT", subject));
        var requester = app.http().withBasicAuth("ana.silva", TestAccounts.PASSWORD);
        JsonNode mine = requester.getForObject("/api/tenants/demo/my/requests", JsonNode.class);
        String ticketId = StreamSupport.stream(mine.spliterator(), false)
                .filter(request -> request.path("subject").asText().equals(subject))
                .map(request -> request.path("ticketId").asText()).findFirst().orElseThrow();
        TicketApi api = new TicketApi(app.http(), "demo");
        JsonNode ticket = api.ticket(ticketId).path("ticket");
        assertThat(ticket.path("channel").asText()).isEqualTo("portal");
        assertThat(ticket.path("requesterId").asText()).isEqualTo("ana.silva");
        assertThat(ticket.path("urgency").asText()).isEqualTo("high");

        JsonNode task = api.awaitOpenTask(ticketId);
        api.claim(task, "agent.rita");
        api.complete(task, "agent.rita", "{\"resolution\": \"resolved\", \"resolutionNotes\": \"" + notes + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> requester.getForObject(
                "/api/tenants/demo/my/requests/" + ticketId, JsonNode.class).toString().contains(notes));

        runBrowserTest("requester-confirms-the-resolution.mjs", "demo", "ana.silva", TestAccounts.PASSWORD,
                Map.of("TIERZERO_TICKET", ticketId, "TIERZERO_NOTES", notes));
        api.awaitState(ticketId, "closed");
    }

    @Test
    void operationsStaffRetryAnIncidentOfATicketsStep() throws Exception {
        String tenant = newTenant();
        TicketApi api = new TicketApi(app.http(), tenant);
        String ticketId = api.submit(Requests.passwordReset("Nightly backup not verified"));
        String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();
        try (FlakyStep step = new FlakyStep(app.bean(CamundaClient.class), 1, Duration.ZERO)) {
            long instance = step.start(Map.of("tenantId", tenant, "ticketId", ticketId, "referenceNumber", reference));
            JsonNode incident = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> openIncidentOf(instance), Optional::isPresent).orElseThrow();
            step.recover();

            runBrowserTest("ops-retries-an-incident.mjs", tenant, "ops.olga", "demo", Map.of(
                    "TIERZERO_INCIDENT_KEY", incident.path("incidentKey").asText(),
                    "TIERZERO_REFERENCE", reference, "TIERZERO_PROCESS_ID", step.processId()));

            long jobKey = incident.path("jobKey").asLong();
            await().atMost(Duration.ofSeconds(30)).until(() -> step.completed(jobKey));
            assertThat(app.bean(JdbcClient.class).sql("""
                            select count(*) from ticket_events where ticket_id = ? and action = 'process.incident-retried'
                            and actor_id = 'ops.olga'""")
                    .param(UUID.fromString(ticketId)).query(Long.class).single()).isOne();
            assertThat(SCREENSHOTS.resolve("ops-retries-an-incident-retried.png")).isNotEmptyFile();
        }
    }

    private static String newTenant() {
        String tenant = "console-" + Long.toString(System.nanoTime(), 36);
        app.bean(JdbcClient.class).sql("insert into tenants (tenant_id, name, service_tier, region) values (?, 'Console test', 'gold', 'emea')")
                .param(tenant).update();
        return tenant;
    }

    private static Optional<JsonNode> openIncidentOf(long processInstanceKey) {
        JsonNode incidents = app.http().getForObject("/api/ops/incidents", JsonNode.class);
        return StreamSupport.stream(incidents.spliterator(), false)
                .filter(incident -> incident.path("processInstanceKey").asLong() == processInstanceKey).findFirst();
    }

    /** Runs a browser test signed in as the person (password) given. */
    private void runBrowserTest(String script, String tenant, String user, String password, Map<String, String> settings)
            throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        Path log = SCREENSHOTS.resolve(script + ".log");
        ProcessBuilder node = new ProcessBuilder(List.of("node", "browser-tests/" + script))
                .directory(CONSOLE.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().putAll(settings);
        node.environment().put("TIERZERO_URL", app.baseUrl());
        node.environment().put("TIERZERO_TENANT", tenant);
        node.environment().put("TIERZERO_USER", user);
        node.environment().put("TIERZERO_PASSWORD", password);
        node.environment().put("TIERZERO_SCREENSHOTS", SCREENSHOTS.toString());
        node.environment().put("CHROMIUM", CHROMIUM.toString());
        Process run = node.start();
        boolean finished = run.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        assertThat(finished).as("%s finished within 3 minutes: %s", script, output).isTrue();
        assertThat(run.exitValue()).as("%s: %s", script, output).isZero();
    }
}
