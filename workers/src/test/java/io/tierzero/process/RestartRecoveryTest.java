package io.tierzero.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.tierzero.TierZeroApplication;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.TestAccounts;
import io.tierzero.support.Requests;
import io.tierzero.support.TicketApi;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The app restarts mid-flow on the in-memory engine (which forgets everything): every open ticket continues
 * where it stood, none is lost or duplicated, and the audit chain stays intact.
 */
class RestartRecoveryTest {

    private final Path dataDir = EmbeddedStackTest.newDataDir();
    private final int postgresPort = EmbeddedStackTest.freePort();

    @Test
    void openTicketsContinueAfterARestartWithNothingLostOrDuplicated() {
        String waitingForAgent;
        String claimedTaskId;
        String pendingCustomer;
        String awaitingConfirmation;
        try (ConfigurableApplicationContext first = start()) {
            TicketApi api = api(first);
            waitingForAgent = api.submit(Requests.passwordReset("Restart: claimed task"));
            JsonNode claimed = api.awaitOpenTask(waitingForAgent);
            claimedTaskId = claimed.path("taskId").asText();
            api.claim(claimed, "agent.rita");

            pendingCustomer = api.submit(Requests.passwordReset("Restart: pending customer"));
            JsonNode toPend = api.awaitOpenTask(pendingCustomer);
            api.claim(toPend, "agent.rita");
            api.complete(toPend, "agent.rita", "{\"resolution\": \"pending-customer\", \"resolutionNotes\": \"Which device?\"}");
            api.awaitState(pendingCustomer, "pending_customer");

            awaitingConfirmation = api.submit(Requests.passwordReset("Restart: awaiting confirmation"));
            JsonNode toResolve = api.awaitOpenTask(awaitingConfirmation);
            api.claim(toResolve, "agent.rita");
            api.complete(toResolve, "agent.rita", "{\"resolution\": \"resolved\", \"resolutionNotes\": \"Fixed\"}");
            api.awaitState(awaitingConfirmation, "resolved");
        }

        try (ConfigurableApplicationContext second = start()) {
            TicketApi api = api(second);
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from tickets").query(Long.class).single()).isEqualTo(3);
            for (String ticketId : List.of(waitingForAgent, pendingCustomer, awaitingConfirmation)) {
                assertThat(TicketApi.actions(api.ticket(ticketId))).containsOnlyOnce("process.resumed");
            }

            List<JsonNode> claimedTasks = api.tasks("?state=claimed").stream()
                    .filter(task -> task.path("ticketId").asText().equals(waitingForAgent)).toList();
            assertThat(claimedTasks).hasSize(1);
            assertThat(claimedTasks.getFirst().path("taskId").asText()).isEqualTo(claimedTaskId);
            assertThat(claimedTasks.getFirst().path("assignee").asText()).isEqualTo("agent.rita");
            assertThat(api.complete(claimedTasks.getFirst(), "agent.rita",
                    "{\"resolution\": \"resolved\", \"resolutionNotes\": \"Done after restart\"}").getStatusCode().value())
                    .isEqualTo(200);
            api.awaitState(waitingForAgent, "resolved");

            api.replyAsCustomer(pendingCustomer, "The Dell");
            assertThat(api.awaitOpenTask(pendingCustomer).path("name").asText()).isNotBlank();

            api.answerConfirmation(awaitingConfirmation, true);
            api.awaitState(awaitingConfirmation, "closed");

            assertThat(jdbc.sql("select count(*) from human_tasks where state in ('open', 'claimed') group by ticket_id having count(*) > 1")
                    .query(Long.class).list()).isEmpty();
            JsonNode verification = TestAccounts.staff(new TestRestTemplate(new RestTemplateBuilder().rootUri(rootUri(second))))
                    .getForObject("/api/tenants/demo/audit/verification", JsonNode.class);
            assertThat(verification.path("intact").asBoolean()).isTrue();
        }
    }

    @Test
    void requestsAcceptedWhileTheEngineIsDownStartTheirLifecycleLater() {
        String acceptedWhileDown;
        // polling workers: a job stream whose gateway vanished can block the client's close
        try (ConfigurableApplicationContext first = start(Map.of("camunda.client.worker.defaults.stream-enabled", "false"))) {
            first.getBean(ZeebeTestEngine.class).stop();
            TicketApi api = api(first);
            acceptedWhileDown = api.submit(Requests.passwordReset("Engine down"));
            JsonNode stored = api.ticket(acceptedWhileDown);
            assertThat(stored.path("ticket").path("state").asText()).isEqualTo("new");
            assertThat(TicketApi.actions(stored)).containsExactly("ticket.created");
        }

        try (ConfigurableApplicationContext second = start()) {
            TicketApi api = api(second);
            assertThat(api.awaitOpenTask(acceptedWhileDown).path("formId").asText()).isEqualTo("work-on-request");
            assertThat(second.getBean(JdbcClient.class).sql("select count(*) from tickets").query(Long.class).single())
                    .isOne();
        }
    }

    private ConfigurableApplicationContext start() {
        return start(Map.of());
    }

    private ConfigurableApplicationContext start(Map<String, String> extraProperties) {
        Map<String, String> properties = new HashMap<>(
                EmbeddedStackTest.stackProperties(dataDir, EmbeddedStackTest.freePort(), postgresPort));
        properties.putAll(extraProperties);
        properties.put("server.port", "0");
        properties.put("tierzero.intake.start-retry-interval", "PT1S");
        return new SpringApplicationBuilder(TierZeroApplication.class).run(EmbeddedStackTest.asArguments(properties));
    }

    private static TicketApi api(ConfigurableApplicationContext app) {
        return new TicketApi(TestAccounts.staff(new TestRestTemplate(new RestTemplateBuilder().rootUri(rootUri(app)))), "demo");
    }

    private static String rootUri(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
