package io.tierzero.knowledge;

import static io.tierzero.support.ModelDrivenApp.event;
import static io.tierzero.support.ModelDrivenApp.payload;
import static io.tierzero.support.ModelDrivenApp.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.embedded.ManagedOpenSearch;
import io.tierzero.knowledge.embedding.SentenceEmbedder;
import io.tierzero.knowledge.retrieval.RunbookIndex;
import io.tierzero.knowledge.runbook.RunbookParser;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.ModelDrivenApp;
import io.tierzero.support.SyntheticTickets;
import io.tierzero.support.TicketApi;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The find-runbooks step with the app's managed OpenSearch node (30-50 s to start) and a small model trained here:
 * first without a runbook index, then with the default library indexed with the real embedding model.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetrievalBackedTriageTest {

    @TempDir
    static Path models;

    private static ModelDrivenApp app;

    @BeforeAll
    static void startTheAppWithItsOpenSearchNode() throws Exception {
        int port = EmbeddedStackTest.freePort();
        app = new ModelDrivenApp(Map.of(
                "tierzero.embedded.opensearch.enabled", "true",
                "tierzero.embedded.opensearch.port", Integer.toString(port),
                "tierzero.opensearch.url", "http://127.0.0.1:" + port,
                "tierzero.opensearch.distribution-dir", System.getProperty("tierzero.opensearch.distribution-dir")));
        app.useModel(new SyntheticTickets(20, 7).trainInto(models.resolve("model"), true));
        app.bean(ManagedOpenSearch.class).awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopTheApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void withoutAnIndexTheModelsRunbookDecidesAndTheTicketSaysSo() {
        JsonNode view = automatedTicket("Forgot my password", "I forgot my password and cannot log in to Windows.");

        assertThat(event(view, "knowledge.runbooks-searched").path("reason").asText())
                .contains("From the model only", "the runbook index does not exist");
        assertThat(payload(view, "remediation.prepared").path("playbookId").asText()).isEqualTo("password-reset");
    }

    @Test
    @Order(2)
    void whenModelAndRetrievalAgreeTheirRunbookIsAutomated() throws IOException {
        int indexed = new RunbookIndex(app.bean(OpenSearchClient.class), app.bean(SentenceEmbedder.class))
                .rebuild(RunbookIndex.DEFAULT_LIBRARY, RunbookParser.readFolder(Path.of("..", "runbooks")), line -> { });
        assertThat(indexed).isEqualTo(23);

        JsonNode view = automatedTicket("Forgot my password",
                "I forgot my password and cannot log in to my laptop.");

        assertThat(event(view, "knowledge.runbooks-searched").path("reason").asText())
                .contains("agree on password-reset").doesNotContain("unavailable");
        JsonNode searched = payload(view, "knowledge.runbooks-searched");
        assertThat(searched.path("runbookId").asText()).isEqualTo("password-reset");
        assertThat(searched.path("retrievedRunbookIds").get(0).asText()).isEqualTo("password-reset");
        assertThat(searched.path("confidence").asDouble()).isGreaterThanOrEqualTo(0.8);
        assertThat(searched.path("candidates").size()).isGreaterThan(1);
    }

    private static JsonNode automatedTicket(String subject, String body) {
        TicketApi api = app.api();
        String ticketId = api.submit(request(subject, body));
        JsonNode view = api.awaitTicket(ticketId, ticket -> TicketApi.actions(ticket).contains("remediation.prepared"));
        assertThat(app.automationDecision(view)).isEqualTo("automate");
        return view;
    }
}
