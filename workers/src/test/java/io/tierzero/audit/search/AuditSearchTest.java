package io.tierzero.audit.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.support.ModelDrivenApp;
import io.tierzero.support.Requests;
import io.tierzero.support.SearchEnabledApp;
import io.tierzero.support.TicketApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail copied into the app's managed OpenSearch node and searched as a compliance user would. */
class AuditSearchTest {

    private static ModelDrivenApp app;

    @BeforeAll
    static void theAppWithItsOpenSearchNode() throws Exception {
        app = SearchEnabledApp.shared();
    }

    @Test
    void everyEventOfTheTrailIsFoundByTicketActorActionPeriodAndWords() {
        Instant before = Instant.now();
        TicketApi api = app.api();
        String ticketId = api.submit(Requests.passwordReset("Audit search probe"));
        JsonNode task = api.awaitOpenTask(ticketId);
        api.claim(task, "agent.sofia");
        api.complete(task, "agent.sofia", "{\"resolution\": \"resolved\", \"resolutionNotes\": \"Reset the token reader\"}");
        api.awaitState(ticketId, "resolved");
        String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();
        JdbcClient jdbc = app.bean(JdbcClient.class);
        // the ticket now waits for the requester's answer: once its messages are sent, its trail stops growing
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) filter (where action = 'communication.queued') = count(*) filter (where action = 'communication.sent')
                from ticket_events where ticket_id = ?::uuid""").param(ticketId).query(Boolean.class).single());
        long eventsOfTheTicket = jdbc.sql("select count(*) from ticket_events where ticket_id = ?::uuid")
                .param(ticketId).query(Long.class).single();

        JsonNode byTicket = await().atMost(Duration.ofSeconds(30)).until(() -> search("ticket=" + reference + "&limit=200"),
                found -> found.path("total").asLong() >= eventsOfTheTicket);
        assertThat(byTicket.path("total").asLong()).isEqualTo(eventsOfTheTicket);
        assertThat(byTicket.path("indexedUpTo").asLong()).isPositive().isLessThanOrEqualTo(byTicket.path("chainHead").asLong());
        List<Long> sequences = values(byTicket, "sequence_number").stream().map(Long::parseLong).toList();
        assertThat(sequences).as("newest first").isSortedAccordingTo((one, other) -> Long.compare(other, one));
        assertThat(search("ticket=" + ticketId).path("total").asLong()).as("by ticket id too").isEqualTo(eventsOfTheTicket);

        JsonNode byActor = search("actor=agent.sofia");
        assertThat(values(byActor, "action")).containsExactlyInAnyOrder("task.claimed", "task.completed");
        assertThat(values(search("actor=agent.sofia&action=task.completed"), "reference_number")).containsExactly(reference);
        assertThat(values(search("ticket=" + reference + "&action=task.*"), "action"))
                .contains("task.created", "task.claimed", "task.completed").allMatch(action -> action.startsWith("task."));
        assertThat(values(search("text=token%20reader"), "action")).contains("ticket.resolved");
        assertThat(values(search("ticket=" + reference + "&action=ticket.resolved"), "bpmn_element_id"))
                .as("the process history: the BPMN step of each event").containsExactly("record-resolution");
        assertThat(search("ticket=" + reference + "&from=" + Instant.now().plusSeconds(3600)).path("total").asLong()).isZero();
        assertThat(search("ticket=" + reference + "&from=" + before + "&to=" + Instant.now().plusSeconds(60)).path("total").asLong())
                .isEqualTo(eventsOfTheTicket);
        assertThat(search("ticket=" + reference + "&limit=2&offset=1").path("events").size()).isEqualTo(2);
    }

    @Test
    void aBadSearchIsAProblemDetailAndAnUnknownTenantIsNotFound() {
        for (String query : List.of("from=yesterday", "from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "limit=0",
                "limit=500", "offset=9990&limit=50")) {
            ResponseEntity<JsonNode> answer = app.http().getForEntity("/api/tenants/demo/audit/events?" + query, JsonNode.class);
            assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getBody().path("title").asText()).isEqualTo("Invalid audit search");
        }
        assertThat(app.http().getForEntity("/api/tenants/nobody/audit/events", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static JsonNode search(String query) {
        ResponseEntity<JsonNode> answer = app.http().getForEntity("/api/tenants/demo/audit/events?" + query, JsonNode.class);
        assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static List<String> values(JsonNode result, String field) {
        return StreamSupport.stream(result.path("events").spliterator(), false).map(event -> event.path(field).asText()).toList();
    }
}
