package io.tierzero.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.process.test.filters.VariableRecordStreamFilter;
import io.tierzero.TierZeroApplication;
import io.tierzero.audit.Actor;
import io.tierzero.triage.ActiveTriageModel;
import io.tierzero.triage.ModelRegistry;
import io.tierzero.triage.ModelsCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * The whole embedded app (in-memory engine, embedded PostgreSQL), started for one test class that activates
 * triage models: an active model would change the triage of the shared {@link EmbeddedStackTest} app's tests.
 */
public final class ModelDrivenApp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir = EmbeddedStackTest.newDataDir();
    private final int postgresPort = EmbeddedStackTest.freePort();
    private final ConfigurableApplicationContext context;
    private final TestRestTemplate http;
    private final TicketApi api;

    public ModelDrivenApp(Map<String, String> extraProperties) {
        Map<String, String> properties = new HashMap<>(
                EmbeddedStackTest.stackProperties(dataDir, EmbeddedStackTest.freePort(), postgresPort));
        properties.put("server.port", "0");
        properties.put("tierzero.triage.model-refresh-interval", "PT1S");
        properties.putAll(extraProperties);
        context = new SpringApplicationBuilder(TierZeroApplication.class).run(EmbeddedStackTest.asArguments(properties));
        http = TestAccounts.staff(new TestRestTemplate(new RestTemplateBuilder().rootUri(baseUrl())));
        api = new TicketApi(http, "demo");
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public TestRestTemplate http() {
        return http;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public TicketApi api() {
        return api;
    }

    /** What {@code ./tierzero models ...} printed and returned. */
    public record ModelsCli(int exitCode, String out, String err) {
    }

    /** Runs {@code ./tierzero models <args>} against this app's database. */
    public ModelsCli models(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = ModelsCommand.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exitCode = command.execute(Stream.concat(Stream.of(args), Stream.of("--data-dir", dataDir().toString(),
                "--postgres-port", Integer.toString(postgresPort()))).toArray(String[]::new));
        return new ModelsCli(exitCode, out.toString(), err.toString());
    }

    public Path dataDir() {
        return dataDir;
    }

    public int postgresPort() {
        return postgresPort;
    }

    /** Registers and activates the model of the folder; this instance uses it from now on. */
    public void useModel(Path modelDir) {
        ModelRegistry registry = bean(ModelRegistry.class);
        registry.activate(registry.register(modelDir).version(), Actor.human("test"));
        bean(ActiveTriageModel.class).refresh();
    }

    public static String request(String subject, String body) {
        return """
                {"channel": "portal", "requester": {"id": "ana.silva", "email": "ana.silva@demo.example"},
                 "subject": "%s", "body": "%s", "impact": "low", "urgency": "high"}""".formatted(subject, body);
    }

    /** The automation decision the engine took for the ticket's process instance (the DMN's output variable). */
    public String automationDecision(JsonNode ticketView) {
        long instance = ticketView.path("ticket").path("processInstanceKey").asLong();
        RecordStream records = RecordStream.of(bean(ZeebeTestEngine.class).getRecordStreamSource());
        String value = new VariableRecordStreamFilter(records.variableRecords()).withProcessInstanceKey(instance)
                .stream().filter(record -> record.getValue().getName().equals("automationDecision"))
                .reduce((earlier, later) -> later).orElseThrow().getValue().getValue();
        return parse(value).asText();
    }

    public static JsonNode event(JsonNode ticketView, String action) {
        return StreamSupport.stream(ticketView.path("history").spliterator(), false)
                .filter(event -> event.path("action").asText().equals(action)).findFirst().orElseThrow();
    }

    public static JsonNode payload(JsonNode ticketView, String action) {
        return parse(event(ticketView, action).path("payload").asText());
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
