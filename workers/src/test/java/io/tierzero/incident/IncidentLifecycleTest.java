package io.tierzero.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.TicketApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** A monitoring alert runs the incident lifecycle in the running product, major-incident branch included. */
class IncidentLifecycleTest extends EmbeddedStackTest {

    private static final String OUTAGE = """
            {"kind": "incident", "channel": "monitoring",
             "requester": {"id": "alertmanager"},
             "subject": "%s",
             "body": "Probe failed for 5 minutes on mail01.demo.example",
             "impact": "%s", "urgency": "high", "category": "infrastructure"}""";

    private TicketApi api;

    @BeforeEach
    void api() {
        api = new TicketApi(http, "demo");
    }

    @Test
    void aP1IncidentIsDeclaredMajorResolvedReviewedAndClosed() {
        String ticketId = api.submit(OUTAGE.formatted("Mail server down", "high"));

        JsonNode diagnose = api.awaitOpenTask(ticketId);
        assertThat(diagnose.path("formId").asText()).isEqualTo("diagnose-incident");
        JsonNode view = api.ticket(ticketId);
        assertThat(view.path("ticket").path("priority").asText()).isEqualTo("P1");
        assertThat(TicketApi.actions(view)).contains("incident.major-declared");

        api.claim(diagnose, "agent.ops");
        assertThat(api.complete(diagnose, "agent.ops", "{\"resolutionNotes\": \"Restarted the MTA, queue drained\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode review = api.awaitOpenTask(ticketId);
        assertThat(review.path("formId").asText()).isEqualTo("review-major-incident");
        assertThat(review.path("candidateGroup").asText()).isEqualTo("major-incident-management");
        api.claim(review, "manager.mia");
        api.complete(review, "manager.mia", "{\"reviewNotes\": \"Disk filled by logs\", \"problemRecordNeeded\": true}");

        JsonNode closed = api.awaitState(ticketId, "closed");
        assertThat(TicketApi.actions(closed)).containsSubsequence("incident.major-declared", "ticket.resolved", "ticket.closed");
        assertThat(closed.path("history").findValuesAsText("reason")).contains("The incident was resolved");
    }

    @Test
    void aLowerPriorityIncidentSkipsTheMajorIncidentReview() {
        String ticketId = api.submit(OUTAGE.formatted("Disk at 85% on file01", "low"));

        JsonNode diagnose = api.awaitOpenTask(ticketId);
        assertThat(api.ticket(ticketId).path("ticket").path("priority").asText()).isEqualTo("P3");
        api.claim(diagnose, "agent.ops");
        api.complete(diagnose, "agent.ops", "{\"resolutionNotes\": \"Rotated the logs\"}");

        JsonNode closed = api.awaitState(ticketId, "closed");
        assertThat(TicketApi.actions(closed)).doesNotContain("incident.major-declared");
    }
}
