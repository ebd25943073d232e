package io.tierzero.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.process.test.filters.VariableRecordStreamFilter;
import io.tierzero.TierZeroApplication;
import io.tierzero.audit.Actor;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.SyntheticTickets;
import io.tierzero.support.TicketApi;
import io.tierzero.triage.model.TriageModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

/**
 * The model registry and model-driven triage on the real app (in-memory engine, embedded PostgreSQL), with small
 * models trained here from made-up tickets. No OpenSearch answers (see {@link EmbeddedStackTest#stackProperties}), so
 * runbook retrieval is unavailable and the model's runbook has to carry the decision. The app is this class's own: an
 * activated model would change the triage of the shared app's other tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelDrivenTriageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path models;

    private static final Path DATA_DIR = EmbeddedStackTest.newDataDir();
    private static final int POSTGRES_PORT = EmbeddedStackTest.freePort();

    private static ConfigurableApplicationContext app;
    private static TestRestTemplate http;
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

        Map<String, String> properties = new HashMap<>(
                EmbeddedStackTest.stackProperties(DATA_DIR, EmbeddedStackTest.freePort(), POSTGRES_PORT));
        properties.put("server.port", "0");
        properties.put("tierzero.triage.model-refresh-interval", "PT1S");
        app = new SpringApplicationBuilder(TierZeroApplication.class).run(EmbeddedStackTest.asArguments(properties));
        http = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort()));
        api = new TicketApi(http, "demo");
        registry = app.getBean(ModelRegistry.class);
        activeModel = app.getBean(ActiveTriageModel.class);
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
        assertThat(first.trainingDataSha256()).isEqualTo("synthetic-80-runbooks");
        assertThat(first.metrics()).isEqualTo(TriageModel.load(withRunbooks).metadata().metrics());

        ResponseEntity<JsonNode> activated = activate(first.version(), "{\"userId\": \"ml.engineer\"}");
        assertThat(activated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(activated.getBody().path("active").asBoolean()).isTrue();
        assertThat(activated.getBody().path("activatedBy").asText()).isEqualTo("ml.engineer");
        assertThat(activeModel.current()).as("this instance swaps at once")
                .hasValueSatisfying(loaded -> assertThat(loaded.version()).isEqualTo(first.version()));

        // an operator registers and activates another model from the command line, on the same database
        Cli register = cli("register", groupsOnly.toString(), "--activate", "--user", "ops.oncall");
        assertThat(register.exitCode()).as(register.err()).isZero();
        String second = register.out().strip().replace(" (active)", "");
        assertThat(second).isNotEqualTo(first.version());
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> activeModel.current().map(ActiveTriageModel.LoadedModel::version).orElse(""),
                        second::equals);
        assertThat(activeModel.current().orElseThrow().model().hasRunbookHead()).isFalse();

        JsonNode listed = http.getForObject("/api/models", JsonNode.class);
        assertThat(listed.findValuesAsText("version")).containsExactlyInAnyOrder(first.version(), second);
        assertThat(StreamSupport.stream(listed.spliterator(), false)
                .filter(model -> model.path("active").asBoolean()).map(model -> model.path("version").asText()))
                .containsExactly(second);
        Cli list = cli("list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains(first.version(), second).containsPattern(second + "\\s+yes");

        List<Map<String, Object>> audit = app.getBean(JdbcClient.class).sql("""
                        select actor_id, payload from ticket_events
                        where tenant_id = 'demo' and action = 'model.activated' order by sequence_number""")
                .query().listOfRows();
        assertThat(audit).extracting(row -> row.get("actor_id")).containsExactly("ml.engineer", "ops.oncall");
        JsonNode secondActivation = JSON.readTree((String) audit.get(1).get("payload"));
        assertThat(secondActivation.path("version").asText()).isEqualTo(second);
        assertThat(secondActivation.path("previousVersion").asText()).isEqualTo(first.version());

        ResponseEntity<JsonNode> unknown = activate("20990101-000000-000000000000", "{\"userId\": \"ml.engineer\"}");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unknown.getBody().path("detail").asText()).contains("20990101-000000-000000000000");
        assertThat(activate(first.version(), "{}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Cli unknownByCli = cli("activate", "no-such-version");
        assertThat(unknownByCli.exitCode()).isEqualTo(ModelsCommand.BAD_INPUT);
        assertThat(unknownByCli.err()).contains("no-such-version");
        assertThat(activeModel.current().orElseThrow().version()).as("failed activations change nothing").isEqualTo(second);
    }

    @Test
    @Order(2)
    void aClearPasswordResetIsClassifiedWithItsRunbookAndAutomated() throws Exception {
        useModel(withRunbooks);
        String ticketId = api.submit(request("Forgot my password",
                "I forgot my password after the holidays and cannot log in to Outlook."));

        JsonNode view = api.awaitTicket(ticketId, ticket -> TicketApi.actions(ticket).contains("remediation.unavailable"));
        assertThat(decision(view)).isEqualTo("automate");
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
        assertThat(payload(view, "remediation.unavailable").path("runbookId").asText()).isEqualTo("password-reset");
    }

    @Test
    @Order(3)
    void garbledAndWordlessTicketsGoToAPerson() throws Exception {
        useModel(withRunbooks);
        String garbled = api.submit(request("zxq vvv", "qqq wpl rrrr kkk"));
        String wordless = api.submit(request("???", "... !!"));

        for (String ticketId : List.of(garbled, wordless)) {
            api.awaitOpenTask(ticketId);
            JsonNode view = api.ticket(ticketId);
            assertThat(decision(view)).isEqualTo("human");
            assertThat(TicketApi.actions(view)).doesNotContain("remediation.unavailable");
            assertThat(view.path("ticket").path("category").asText()).isEqualTo("unclassified");
        }
        JsonNode wordlessView = api.ticket(wordless);
        assertThat(wordlessView.path("ticket").path("categoryConfidence").asDouble()).isZero();
        assertThat(event(wordlessView, "triage.classified").path("reason").asText()).contains("no words");
    }

    private static void useModel(Path modelDir) {
        registry.activate(registry.register(modelDir).version(), Actor.human("test"));
        activeModel.refresh();
    }

    private static ResponseEntity<JsonNode> activate(String version, String body) {
        return api.post("/api/models/" + version + "/activate", body, Map.of());
    }

    private static String request(String subject, String body) {
        return """
                {"channel": "portal", "requester": {"id": "ana.silva", "email": "ana.silva@demo.example"},
                 "subject": "%s", "body": "%s", "impact": "low", "urgency": "high"}""".formatted(subject, body);
    }

    /** The automation decision the engine took for the ticket's process instance (the DMN's output variable). */
    private static String decision(JsonNode view) throws Exception {
        long instance = view.path("ticket").path("processInstanceKey").asLong();
        RecordStream records = RecordStream.of(app.getBean(ZeebeTestEngine.class).getRecordStreamSource());
        String value = new VariableRecordStreamFilter(records.variableRecords()).withProcessInstanceKey(instance)
                .stream().filter(record -> record.getValue().getName().equals("automationDecision"))
                .reduce((earlier, later) -> later).orElseThrow().getValue().getValue();
        return JSON.readTree(value).asText();
    }

    private static JsonNode event(JsonNode view, String action) {
        return StreamSupport.stream(view.path("history").spliterator(), false)
                .filter(event -> event.path("action").asText().equals(action)).findFirst().orElseThrow();
    }

    private static JsonNode payload(JsonNode view, String action) throws Exception {
        return JSON.readTree(event(view, action).path("payload").asText());
    }

    private record Cli(int exitCode, String out, String err) {
    }

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = ModelsCommand.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        String[] withDatabase = new String[args.length + 4];
        System.arraycopy(args, 0, withDatabase, 0, args.length);
        System.arraycopy(new String[] {"--data-dir", DATA_DIR.toString(), "--postgres-port", Integer.toString(POSTGRES_PORT)},
                0, withDatabase, args.length, 4);
        int exitCode = command.execute(withDatabase);
        return new Cli(exitCode, out.toString(), err.toString());
    }
}
