package io.tierzero.integration.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.Connection;
import io.tierzero.integration.ConnectorType;
import io.tierzero.integration.RequestRejectedException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JiraTranslationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Connection connection(String scope, Map<String, String> inbound, Map<String, String> outbound) {
        return new Connection("acme", "jira", ConnectorType.JIRA, URI.create("https://acme.atlassian.net"), "u", "t",
                scope, inbound, outbound, Map.of(), Duration.ofSeconds(30), false, null);
    }

    @Test
    void plainTextSurvivesTheTripThroughAtlassianDocumentFormat() {
        String text = "First line\n\nThird line after a blank one";

        JsonNode document = JSON.valueToTree(AtlassianDocuments.fromText(text));

        assertThat(document.path("type").asText()).isEqualTo("doc");
        assertThat(document.path("content")).hasSize(3);
        assertThat(AtlassianDocuments.toText(document)).isEqualTo(text);
    }

    @Test
    void readingADocumentKeepsTheTextOfListsBreaksAndMentions() throws Exception {
        JsonNode document = JSON.readTree("""
                {"type":"doc","version":1,"content":[
                  {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Steps"}]},
                  {"type":"bulletList","content":[
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Reboot"}]}]},
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Call "},
                      {"type":"mention","attrs":{"id":"5b10","text":"@Mia"}}]}]}]},
                  {"type":"paragraph","content":[{"type":"text","text":"a"},{"type":"hardBreak"},{"type":"text","text":"b"}]}]}""");

        assertThat(AtlassianDocuments.toText(document)).isEqualTo("Steps\nReboot\nCall @Mia\na\nb");
    }

    @Test
    void theTransitionIsFoundByItsNameOrByTheStatusItLeadsTo() throws Exception {
        JsonNode transitions = JSON.readTree("""
                {"transitions":[{"id":"11","name":"Start progress","to":{"name":"In Progress"}},
                                {"id":"31","name":"Resolve","to":{"name":"Done"}}]}""");

        assertThat(JiraTranslation.transitionTowards(transitions, "in progress")).contains("11");
        assertThat(JiraTranslation.transitionTowards(transitions, "Resolve")).contains("31");
        assertThat(JiraTranslation.transitionTowards(transitions, "Closed")).isEmpty();
    }

    @Test
    void statusesMapByTheConnectionThenByNameThenByCategory() throws Exception {
        JsonNode triage = JSON.readTree("""
                {"key":"OPS-1","fields":{"status":{"name":"Triage","statusCategory":{"key":"new"}}}}""");
        JsonNode review = JSON.readTree("""
                {"key":"OPS-2","fields":{"status":{"name":"Peer review","statusCategory":{"key":"indeterminate"}}}}""");

        assertThat(JiraTranslation.toExternalTicket(connection("OPS", Map.of(), Map.of()), triage).state()).isEqualTo("new");
        assertThat(JiraTranslation.toExternalTicket(connection("OPS", Map.of(), Map.of()), review).state()).isEqualTo("in_progress");
        assertThat(JiraTranslation.toExternalTicket(connection("OPS", Map.of("triage", "assigned"), Map.of()), triage).state())
                .isEqualTo("assigned");
        assertThat(JiraTranslation.targetStatus(connection("OPS", Map.of(), Map.of("resolved", "Done")), "resolved")).contains("Done");
        assertThat(JiraTranslation.targetStatus(connection("OPS", Map.of(), Map.of()), "pending_customer")).contains("Waiting for customer");
    }

    @Test
    void changedSinceSearchesFromTheMinuteInUtcOldestFirst() {
        assertThat(JiraTranslation.updatedSinceJql("OPS", Instant.parse("2026-12-02T23:59:59Z")))
                .isEqualTo("project = \"OPS\" AND updated >= \"2026/12/02 23:59\" ORDER BY updated ASC");
    }

    @Test
    void referencesThatCannotBeALabelOrAJqlStringAreRefused() {
        assertThat(JiraTranslation.createdForJql("TZ-1")).isEqualTo("labels = \"tierzero-TZ-1\"");
        assertThatThrownBy(() -> JiraTranslation.label("TZ 1")).isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(() -> JiraTranslation.createdForJql("TZ-1\"OR\"")).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void theScopeNamesAProjectWithItsIssueTypeOrAServiceDeskWithItsRequestType() {
        assertThat(JiraScope.of(connection("OPS", Map.of(), Map.of()))).isEqualTo(new JiraScope("OPS", "Task", null, null));
        assertThat(JiraScope.of(connection("OPS:Bug", Map.of(), Map.of()))).isEqualTo(new JiraScope("OPS", "Bug", null, null));
        assertThat(JiraScope.of(connection("servicedesk:4:17", Map.of(), Map.of())).isServiceDesk()).isTrue();
        assertThatThrownBy(() -> JiraScope.of(connection(" ", Map.of(), Map.of()))).isInstanceOf(IllegalStateException.class);
    }
}
