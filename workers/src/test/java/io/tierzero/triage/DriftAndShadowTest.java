package io.tierzero.triage;

import static io.tierzero.support.ModelDrivenApp.payload;
import static io.tierzero.support.ModelDrivenApp.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.audit.Actor;
import io.tierzero.remediation.AutomationControls;
import io.tierzero.support.ModelDrivenApp;
import io.tierzero.support.ModelDrivenApp.ModelsCli;
import io.tierzero.support.SyntheticTickets;
import io.tierzero.support.TicketApi;
import io.tierzero.ticket.ProcessStep;
import io.tierzero.triage.drift.DriftAlert;
import io.tierzero.triage.drift.DriftMonitor;
import io.tierzero.triage.drift.OutcomeSource;
import io.tierzero.triage.drift.PredictionLog;
import io.tierzero.triage.drift.ReportPeriod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The prediction log, the drift check and shadow mode on the real app (in-memory engine, embedded PostgreSQL), with
 * a small model trained here from made-up tickets. No OpenSearch answers, so the model's runbook decides alone and
 * the automation decision the engine takes is the one recorded with the prediction.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DriftAndShadowTest {

    private static final String SHADOW_TENANT = "shadow-co";

    @TempDir
    static Path models;

    private static ModelDrivenApp app;
    private static TicketApi demo;
    private static JdbcClient jdbc;
    private static String modelVersion;

    @BeforeAll
    static void trainAModelAndStartTheApp() {
        Path model = new SyntheticTickets(20, 7).trainInto(models.resolve("with-runbooks"), true);
        app = new ModelDrivenApp(Map.of());
        demo = app.api();
        jdbc = app.bean(JdbcClient.class);
        app.useModel(model);
        modelVersion = app.bean(ModelRegistry.class).activeVersion().orElseThrow();
        jdbc.sql("""
                        insert into tenants (tenant_id, name, service_tier, region, triage_mode)
                        values (?, 'Shadow Co', 'gold', 'emea', 'shadow')""")
                .param(SHADOW_TENANT).update();
    }

    @AfterAll
    static void stopTheApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void aPredictionIsRecordedOnceAndTheAgentsOutcomeAndTheRequestersAnswerAreAddedToIt() {
        // agents work this one: the VPN guide would otherwise answer it
        AutomationControls controls = app.bean(AutomationControls.class);
        controls.change("demo", new AutomationControls.Settings(false, AutomationControls.Mode.LIVE),
                Actor.human("test"), "An agent works this request");
        String ticketId = demo.submit(request("VPN not connecting",
                "The VPN client shows an error when I connect from home."));
        JsonNode task = demo.awaitOpenTask(ticketId);
        controls.change("demo", new AutomationControls.Settings(true, AutomationControls.Mode.LIVE),
                Actor.human("test"), "Back to normal");
        JsonNode view = demo.ticket(ticketId);

        Map<String, Object> prediction = predictionOf(ticketId);
        assertThat(prediction).containsEntry("tenant_id", "demo").containsEntry("model_version", modelVersion)
                .containsEntry("predicted_group", "Network Team").containsEntry("predicted_runbook", "vpn-access")
                .containsEntry("shadow", false).containsEntry("outcome_source", null);
        assertThat(prediction.get("automation_decision")).as("the decision the engine took")
                .isEqualTo(app.automationDecision(view));
        assertThat((String) prediction.get("top_runbooks")).contains("vpn-access");

        // the classify job delivered again, with the same job key: nothing is added
        Map<String, Object> classified = jdbc.sql("""
                        select process_instance_key, bpmn_element_id, idempotency_key from ticket_events
                        where ticket_id = ? and action = 'triage.classified'""")
                .param(UUID.fromString(ticketId)).query().singleRow();
        long jobKey = Long.parseLong(((String) classified.get("idempotency_key")).split("/")[3]);
        ProcessStep sameJob = new ProcessStep((Long) classified.get("process_instance_key"),
                (String) classified.get("bpmn_element_id"), jobKey);
        app.bean(Triage.class).classify(UUID.fromString(ticketId), sameJob);
        app.bean(Triage.class).classify(UUID.fromString(ticketId), sameJob);
        assertThat(rowsOf(ticketId)).isOne();
        assertThat(TicketApi.actions(demo.ticket(ticketId)).stream().filter("triage.classified"::equals)).hasSize(1);

        assertThat(demo.claim(task, "rita").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(demo.complete(task, "rita", """
                {"resolution": "resolved", "resolutionNotes": "VPN profile reinstalled",
                 "resolvedByGroup": "Network Team", "runbookUsed": "vpn-access"}""").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Map<String, Object> resolved = predictionOf(ticketId);
        assertThat(resolved).containsEntry("actual_group", "Network Team").containsEntry("actual_runbook", "vpn-access")
                .as("the task came from the " + task.path("candidateGroup").asText() + " queue")
                .containsEntry("outcome_source", "reassignment").containsEntry("requester_confirmed", null);
        assertThat(resolved.get("outcome_at")).isNotNull();

        awaitConfirmationRequest(ticketId, 1);
        assertThat(demo.answerConfirmation(ticketId, false).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode again = demo.awaitOpenTask(ticketId);
        assertThat(predictionOf(ticketId)).containsEntry("requester_confirmed", false);

        demo.claim(again, "rita");
        assertThat(demo.complete(again, "rita", """
                {"resolution": "resolved", "resolutionNotes": "VPN certificate renewed as well",
                 "resolvedByGroup": "Network Team", "runbookUsed": "vpn-access"}""").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        awaitConfirmationRequest(ticketId, 2);
        assertThat(demo.answerConfirmation(ticketId, true).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        demo.awaitState(ticketId, "closed");
        assertThat(predictionOf(ticketId)).containsEntry("requester_confirmed", true)
                .as("the same outcome again changes nothing").containsEntry("outcome_source", "reassignment")
                .containsEntry("outcome_at", resolved.get("outcome_at"));
    }

    @Test
    @Order(2)
    void accuracyMoreThanFivePointsBelowValidationRaisesOneAlertPerModelAndPeriod() {
        List<String> tickets = IntStream.range(0, 34)
                .mapToObj(i -> demo.submit(request("Forgot my password " + i,
                        "I forgot my password and cannot log in to Outlook, attempt " + i + ".")))
                .toList();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> tickets.stream().allMatch(ticketId -> rowsOf(ticketId) == 1));
        assertThat(tickets).allSatisfy(ticketId ->
                assertThat(predictionOf(ticketId)).containsEntry("predicted_group", "Identity Team"));
        Double validationAccuracy = ((Number) app.bean(ModelRegistry.class).active().orElseThrow().metrics()
                .get(DriftMonitor.VALIDATION_METRIC)).doubleValue();
        assertThat(validationAccuracy).as("the synthetic groups are easy").isGreaterThan(0.9);

        // agents resolve 28 of them: with the VPN ticket 29 outcomes, one short of the minimum sample
        PredictionLog log = app.bean(PredictionLog.class);
        List<String> wrongGroup = new ArrayList<>(tickets.subList(0, 9));
        for (String ticketId : tickets.subList(0, 28)) {
            log.resolvedByAgent(UUID.fromString(ticketId), wrongGroup.contains(ticketId) ? "Workplace Team"
                    : "Identity Team", "password-reset", OutcomeSource.AGENT);
        }
        DriftMonitor monitor = app.bean(DriftMonitor.class);
        assertThat(monitor.check(ReportPeriod.DAY)).as("29 outcomes are too few").isEmpty();
        assertThat(alertCount()).isZero();

        for (String ticketId : tickets.subList(28, 34)) {
            log.resolvedByAgent(UUID.fromString(ticketId), "Identity Team", "password-reset", OutcomeSource.AGENT);
        }

        JsonNode report = app.http().getForObject("/api/models/drift?tenant=demo&period=day", JsonNode.class);
        assertThat(report.path("validationMetric").asText()).isEqualTo("label_calibration_accuracy");
        JsonNode model = report.path("models").get(0);
        assertThat(report.path("models")).hasSize(1);
        assertThat(model.path("modelVersion").asText()).isEqualTo(modelVersion);
        assertThat(model.path("validationAccuracy").asDouble()).isEqualTo(validationAccuracy);
        JsonNode today = model.path("periods").get(0);
        assertThat(today.path("predictions").asLong()).isEqualTo(35);
        assertThat(today.path("outcomes").asLong()).isEqualTo(35);
        assertThat(today.path("correct").asLong()).as("9 of 35 in the wrong group").isEqualTo(26);
        assertThat(today.path("accuracy").asDouble()).isEqualTo(26.0 / 35);
        assertThat(today.path("runbookCorrect").asLong()).isEqualTo(today.path("runbookOutcomes").asLong())
                .isEqualTo(35);
        assertThat(model.path("drifting").asBoolean()).isTrue();

        List<DriftAlert> alerts = monitor.check(ReportPeriod.DAY);
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.tenantId()).isEqualTo("demo");
            assertThat(alert.modelVersion()).isEqualTo(modelVersion);
            assertThat(alert.accuracy()).isEqualTo(26.0 / 35);
        });
        ResponseEntity<JsonNode> checkedAgain = demo.post("/api/models/drift/check?period=day", "", Map.of());
        assertThat(checkedAgain.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(checkedAgain.getBody()).hasSize(1);
        assertThat(monitor.check(ReportPeriod.DAY)).hasSize(1);
        assertThat(alertCount()).as("once per model version and period").isOne();
        Map<String, Object> alert = jdbc.sql("""
                        select actor_id, reason, payload from ticket_events
                        where tenant_id = 'demo' and action = 'triage.drift-detected'""").query().singleRow();
        assertThat((String) alert.get("reason")).contains(modelVersion, "74.3%", "35 confirmed outcomes");
        assertThat((String) alert.get("payload")).contains("\"validationMetric\":\"label_calibration_accuracy\"");

        ModelsCli cli = app.models("drift", "--tenant", "demo", "--period", "day");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("label_calibration_accuracy", modelVersion, "74.3%").containsPattern("YES\\s*$");
        ModelsCli badPeriod = app.models("drift", "--period", "month");
        assertThat(badPeriod.exitCode()).isEqualTo(ModelsCommand.BAD_INPUT);
        assertThat(badPeriod.err()).contains("'month' is not a report period");

        ResponseEntity<JsonNode> monthly = app.http().getForEntity("/api/models/drift?period=month", JsonNode.class);
        assertThat(monthly.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(monthly.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(app.http().getForEntity("/api/models/drift?tenant=nobody", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @Order(3)
    void aShadowTenantsTicketGoesToAPersonWithItsPredictionRecordedAndCompared() {
        TicketApi shadow = new TicketApi(app.http(), SHADOW_TENANT);
        String ticketId = shadow.submit(request("Forgot my password",
                "I forgot my password after the holidays and cannot log in to Outlook."));
        JsonNode task = shadow.awaitOpenTask(ticketId);
        JsonNode view = shadow.ticket(ticketId);

        assertThat(app.automationDecision(view)).isEqualTo("human");
        assertThat(TicketApi.actions(view)).doesNotContain("remediation.prepared");
        assertThat(view.path("ticket").path("category").asText()).as("the requester's, none given")
                .isEqualTo("unclassified");
        assertThat(view.path("ticket").path("categoryConfidence").asDouble()).isZero();
        JsonNode classified = payload(view, "triage.classified");
        assertThat(classified.path("shadow").asBoolean()).isTrue();
        assertThat(classified.path("suggestedGroup").asText()).isEqualTo("Identity Team");
        assertThat(predictionOf(ticketId)).containsEntry("shadow", true)
                .containsEntry("predicted_group", "Identity Team").containsEntry("predicted_runbook", "password-reset")
                .as("what the product would have done").containsEntry("automation_decision", "automate");

        shadow.claim(task, "rita");
        assertThat(shadow.complete(task, "rita", """
                {"resolution": "resolved", "resolutionNotes": "Password reset",
                 "resolvedByGroup": "Identity Team", "runbookUsed": "password-reset"}""").getStatusCode())
                .isEqualTo(HttpStatus.OK);

        JsonNode report = app.http().getForObject("/api/models/shadow-report", JsonNode.class);
        assertThat(report.path("periods")).as("only shadow predictions").hasSize(1);
        JsonNode week = report.path("periods").get(0);
        assertThat(week.path("tenantId").asText()).isEqualTo(SHADOW_TENANT);
        assertThat(week.path("predictions").asLong()).isOne();
        assertThat(week.path("groupAgreements").asLong()).isEqualTo(week.path("groupOutcomes").asLong()).isOne();
        assertThat(week.path("runbookAgreements").asLong()).isOne();
        assertThat(week.path("wouldAutomate").asLong()).isOne();
        assertThat(week.path("wouldAutomateSameWay").asLong()).isOne();
        assertThat(week.path("wouldAutomatePrecision").asDouble()).isEqualTo(1.0);

        ModelsCli cli = app.models("shadow-report", "--tenant", SHADOW_TENANT);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains(SHADOW_TENANT, "1/1 100.0%");
        ModelsCli unknown = app.models("shadow-report", "--tenant", "nobody");
        assertThat(unknown.exitCode()).isEqualTo(ModelsCommand.BAD_INPUT);
        assertThat(unknown.err()).contains("nobody");
    }

    /** Waits until the ticket is resolved and the requester was asked to confirm it for the {@code nth} time. */
    private static void awaitConfirmationRequest(String ticketId, int nth) {
        demo.awaitTicket(ticketId, ticket -> ticket.path("ticket").path("state").asText().equals("resolved")
                && ticket.path("history").findValuesAsText("bpmnElementId").stream()
                        .filter("request-confirmation"::equals).count() == nth);
    }

    private static Map<String, Object> predictionOf(String ticketId) {
        return jdbc.sql("""
                        select tenant_id, model_version, predicted_group, predicted_runbook, top_runbooks::text,
                               automation_decision, shadow, actual_group, actual_runbook, requester_confirmed,
                               outcome_at, outcome_source
                        from triage_predictions where ticket_id = ?""")
                .param(UUID.fromString(ticketId)).query().singleRow();
    }

    private static int rowsOf(String ticketId) {
        return jdbc.sql("select count(*) from triage_predictions where ticket_id = ?").param(UUID.fromString(ticketId))
                .query(Integer.class).single();
    }

    private static int alertCount() {
        return jdbc.sql("select count(*) from ticket_events where action = 'triage.drift-detected'")
                .query(Integer.class).single();
    }
}
