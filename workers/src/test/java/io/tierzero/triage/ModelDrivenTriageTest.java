package io.tierzero.triage;

import static io.tierzero.support.ModelDrivenApp.event;
import static io.tierzero.support.ModelDrivenApp.payload;
import static io.tierzero.support.ModelDrivenApp.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.support.ModelDrivenApp;
import io.tierzero.support.ModelDrivenApp.ModelsCli;
import io.tierzero.support.SyntheticTickets;
import io.tierzero.support.TicketApi;
import io.tierzero.triage.model.TriageModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
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
 * The model registry and model-driven triage on the real app (in-memory engine, embedded PostgreSQL), with small
 * models trained here from made-up tickets. No OpenSearch answers, so runbook retrieval is unavailable and the
 * model's runbook carries the decision alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelDrivenTriageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path models;

    private static ModelDrivenApp app;
    private static TicketApi api;
    private static ModelRegistry registry;
    private static ActiveTriageModel activeModel;
    private static Path withRunbooks;
    private static Path groupsOnly;

    @BeforeAll
    static void trainModelsAndStartTheApp() {
        SyntheticTickets tickets = new SyntheticTickets(20, 7);
        withRunbooks = tickets.trainInto(models.resolve("with-runbooks"), true);
        groupsOnly = tickets.trainInto(models.resolve("groups-only"), false);
        app = new ModelDrivenApp(Map.of());
        api = app.api();
        registry = app.bean(ModelRegistry.class);
        activeModel = app.bean(ActiveTriageModel.class);
    }

    @AfterAll
    static void stopTheApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void registeredModelsAreActivatedThroughTheApiAndTheCliAndSwappedWithoutRestart() throws Exception {
        assertThat(activeModel.current()).as("nothing is active before the first activation").isEmpty();

        RegisteredModel first = registry.register(withRunbooks);
        assertThat(registry.register(withRunbooks).version()).as("same folder, same model").isEqualTo(first.version());
        assertThat(first.version()).matches("\\d{8}-\\d{6}-[0-9a-f]{12}");
        assertThat(first.active()).isFalse();
        assertThat(first.labelColumn()).isEqualTo("Assignment group");
        assertThat(first.trainingDataSha256()).isEqualTo("synthetic-180-runbooks");
        assertThat(first.metrics()).isEqualTo(TriageModel.load(withRunbooks).metadata().metrics());

        ResponseEntity<JsonNode> activated = activate(first.version());
        assertThat(activated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(activated.getBody().path("active").asBoolean()).isTrue();
        assertThat(activated.getBody().path("activatedBy").asText()).isEqualTo("ml.engineer");
        assertThat(registry.active()).map(RegisteredModel::version).contains(first.version());
        assertThat(activeModel.current()).as("this instance swaps at once")
                .hasValueSatisfying(loaded -> assertThat(loaded.version()).isEqualTo(first.version()));

        // an operator registers and activates another model from the command line, on the same database
        ModelsCli register = app.models("register", groupsOnly.toString(), "--activate", "--user", "ops.oncall");
        assertThat(register.exitCode()).as(register.err()).isZero();
        String second = register.out().strip().replace(" (active)", "");
        assertThat(second).isNotEqualTo(first.version());
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> activeModel.current().map(ActiveTriageModel.LoadedModel::version).orElse(""),
                        second::equals);
        assertThat(activeModel.current().orElseThrow().model().hasRunbookHead()).isFalse();

        JsonNode listed = app.http().getForObject("/api/models", JsonNode.class);
        assertThat(listed.findValuesAsText("version")).containsExactlyInAnyOrder(first.version(), second);
        assertThat(StreamSupport.stream(listed.spliterator(), false)
                .filter(model -> model.path("active").asBoolean()).map(model -> model.path("version").asText()))
                .containsExactly(second);
        ModelsCli list = app.models("list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains(first.version(), second).containsPattern(second + "\\s+yes");

        List<Map<String, Object>> audit = app.bean(JdbcClient.class).sql("""
                        select actor_id, payload from ticket_events
                        where tenant_id = 'demo' and action = 'model.activated' order by sequence_number""")
                .query().listOfRows();
        assertThat(audit).extracting(row -> row.get("actor_id")).containsExactly("ml.engineer", "ops.oncall");
        JsonNode secondActivation = JSON.readTree((String) audit.get(1).get("payload"));
        assertThat(secondActivation.path("version").asText()).isEqualTo(second);
        assertThat(secondActivation.path("previousVersion").asText()).isEqualTo(first.version());

        ResponseEntity<JsonNode> unknown = activate("20990101-000000-000000000000");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unknown.getBody().path("detail").asText()).contains("20990101-000000-000000000000");
        assertThat(api.as("agent.rita").post("/api/models/" + first.version() + "/activate", "", Map.of()).getStatusCode())
                .as("only analysts choose the model").isEqualTo(HttpStatus.FORBIDDEN);
        ModelsCli unknownByCli = app.models("activate", "no-such-version");
        assertThat(unknownByCli.exitCode()).isEqualTo(ModelsCommand.BAD_INPUT);
        assertThat(unknownByCli.err()).contains("no-such-version");
        assertThat(activeModel.current().orElseThrow().version()).as("failed activations change nothing").isEqualTo(second);
    }

    @Test
    @Order(2)
    void aClearPasswordResetIsClassifiedWithItsRunbookAndAutomated() {
        app.useModel(withRunbooks);
        String ticketId = api.submit(request("Forgot my password",
                "I forgot my password after the holidays and cannot log in to Outlook."));

        JsonNode view = api.awaitTicket(ticketId, ticket -> TicketApi.actions(ticket).contains("remediation.prepared"));
        assertThat(app.automationDecision(view)).isEqualTo("automate");
        assertThat(view.path("ticket").path("category").asText()).as("the runbook's category; none was requested")
                .isEqualTo("identity");
        assertThat(view.path("ticket").path("categoryConfidence").asDouble()).isGreaterThanOrEqualTo(0.8);

        JsonNode classified = payload(view, "triage.classified");
        assertThat(classified.path("model").asText()).isEqualTo(registry.activeVersion().orElseThrow());
        assertThat(classified.path("suggestedGroup").asText()).isEqualTo("Identity Team");
        assertThat(classified.path("runbookId").asText()).isEqualTo("password-reset");
        assertThat(classified.path("runbookConfidence").asDouble()).isGreaterThanOrEqualTo(0.8);

        JsonNode searched = event(view, "knowledge.runbooks-searched");
        assertThat(searched.path("reason").asText()).contains("From the model only", "retrieval unavailable");
        assertThat(payload(view, "knowledge.runbooks-searched").path("runbookId").asText()).isEqualTo("password-reset");
        assertThat(payload(view, "remediation.prepared").path("playbookId").asText()).isEqualTo("password-reset");
    }

    @Test
    @Order(3)
    void garbledAndWordlessTicketsGoToAPerson() {
        app.useModel(withRunbooks);
        String garbled = api.submit(request("zxq vvv", "qqq wpl rrrr kkk"));
        String wordless = api.submit(request("???", "... !!"));

        for (String ticketId : List.of(garbled, wordless)) {
            api.awaitOpenTask(ticketId);
            JsonNode view = api.ticket(ticketId);
            assertThat(app.automationDecision(view)).isEqualTo("human");
            assertThat(TicketApi.actions(view)).doesNotContain("remediation.prepared");
            assertThat(view.path("ticket").path("category").asText()).isEqualTo("unclassified");
        }
        JsonNode wordlessView = api.ticket(wordless);
        assertThat(wordlessView.path("ticket").path("categoryConfidence").asDouble()).isZero();
        assertThat(event(wordlessView, "triage.classified").path("reason").asText()).contains("no words");
    }

    @Test
    @Order(4)
    void aModelThatCannotBeLoadedLeavesThePreviousOneInUse() {
        app.useModel(withRunbooks);
        String inUse = activeModel.current().orElseThrow().version();
        String corrupt = "20261201-000000-c0ffee000000";
        app.bean(JdbcClient.class).sql("""
                        insert into triage_models (version, label_column, artifact, artifact_sha256)
                        values (?, 'Assignment group', ?, 'not-a-model')""")
                .params(corrupt, "not a model".getBytes()).update();

        assertThat(activate(corrupt).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(activeModel.current().orElseThrow().version()).isEqualTo(inUse);
        JsonNode health = app.http().getForObject("/actuator/health/triageModel", JsonNode.class);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("details").path("inUse").asText()).isEqualTo(inUse);
        assertThat(health.path("details").path("failedVersion").asText()).isEqualTo(corrupt);
        String ticketId = api.submit(request("Password expired", "My password expired and Teams does not accept it."));
        JsonNode view = api.awaitTicket(ticketId, ticket -> TicketApi.actions(ticket).contains("triage.classified"));
        assertThat(payload(view, "triage.classified").path("model").asText()).isEqualTo(inUse);
    }

    private static ResponseEntity<JsonNode> activate(String version) {
        return api.as("ml.engineer").post("/api/models/" + version + "/activate", "", Map.of());
    }
}
