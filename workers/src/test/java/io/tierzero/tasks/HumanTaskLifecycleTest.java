package io.tierzero.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.Requests;
import io.tierzero.support.TicketApi;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** An agent works tickets through the app's own task API, on the real engine and database. */
class HumanTaskLifecycleTest extends EmbeddedStackTest {

    private TicketApi api;

    @BeforeEach
    void api() {
        api = new TicketApi(http, "demo");
    }

    @Test
    void resolvedByAnAgentConfirmedByTheRequesterAndClosed() {
        String ticketId = api.submit(Requests.passwordReset("Resolve me"));
        JsonNode task = api.awaitOpenTask(ticketId);

        assertThat(api.claim(task, "agent.rita").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.ticket(ticketId).path("ticket").path("state").asText()).isEqualTo("in_progress");
        ResponseEntity<JsonNode> completed = api.complete(task, "agent.rita",
                "{\"resolution\": \"resolved\", \"resolutionNotes\": \"Reset the password and verified the login\"}");
        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(completed.getBody().path("state").asText()).isEqualTo("completed");

        api.awaitState(ticketId, "resolved");
        assertThat(api.answerConfirmation(ticketId, true).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        JsonNode closed = api.awaitState(ticketId, "closed");
        assertThat(TicketApi.actions(closed)).containsSubsequence("task.created", "task.claimed", "task.completed",
                "ticket.resolved", "requester.answered", "ticket.closed");
        assertThat(closed.path("history").findValuesAsText("reason"))
                .contains("The requester confirmed the resolution");
    }

    @Test
    void theRequesterSaysNoAndTheTicketIsReopenedToTheTeam() {
        String ticketId = api.submit(Requests.passwordReset("Reopen me"));
        JsonNode task = api.awaitOpenTask(ticketId);
        api.claim(task, "agent.rita");
        api.complete(task, "agent.rita", "{\"resolution\": \"resolved\", \"resolutionNotes\": \"Done\"}");
        api.awaitState(ticketId, "resolved");

        api.answerConfirmation(ticketId, false);

        JsonNode reopenedTask = api.awaitOpenTask(ticketId);
        assertThat(reopenedTask.path("taskId")).isNotEqualTo(task.path("taskId"));
        JsonNode view = api.ticket(ticketId);
        assertThat(view.path("ticket").path("reopenCount").asInt()).isOne();
        assertThat(TicketApi.actions(view)).containsSubsequence("requester.answered", "ticket.reopened", "routing.assigned");
    }

    @Test
    void escalationMovesTheTicketToTheNextTiersQueue() {
        String ticketId = api.submit(Requests.passwordReset("Escalate me"));
        JsonNode l1Task = api.awaitOpenTask(ticketId);
        api.claim(l1Task, "agent.rita");

        ResponseEntity<JsonNode> escalated = api.complete(l1Task, "agent.rita", """
                {"resolution": "escalate", "resolutionNotes": "Checked the account: it is disabled in the directory",
                 "escalationReason": "Needs directory admin rights"}""");
        assertThat(escalated.getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode l2Task = api.awaitOpenTask(ticketId);
        assertThat(l2Task.path("candidateGroup").asText()).isNotEqualTo(l1Task.path("candidateGroup").asText());
        JsonNode view = api.ticket(ticketId);
        assertThat(view.path("ticket").path("supportTier").asInt()).isEqualTo(2);
        assertThat(view.path("history").findValuesAsText("reason")).contains("Needs directory admin rights");
    }

    @Test
    void pendingCustomerPausesTheSlaClockUntilTheCustomerReplies() {
        String ticketId = api.submit(Requests.passwordReset("Need more info"));
        JsonNode task = api.awaitOpenTask(ticketId);
        String dueBefore = api.ticket(ticketId).path("ticket").path("resolutionDueAt").asText();
        api.claim(task, "agent.rita");

        api.complete(task, "agent.rita", "{\"resolution\": \"pending-customer\", \"resolutionNotes\": \"Which laptop?\"}");
        JsonNode pending = api.awaitState(ticketId, "pending_customer");
        assertThat(pending.path("ticket").path("slaPausedAt").asText()).isNotBlank();

        api.replyAsCustomer(ticketId, "The Dell in room 2");
        JsonNode nextTask = api.awaitOpenTask(ticketId);
        JsonNode resumed = api.ticket(ticketId);
        assertThat(nextTask.path("taskId")).isNotEqualTo(task.path("taskId"));
        assertThat(resumed.path("ticket").has("slaPausedAt")).isFalse();
        assertThat(resumed.path("ticket").path("resolutionDueAt").asText()).isGreaterThanOrEqualTo(dueBefore);
        assertThat(TicketApi.actions(resumed)).containsSubsequence("sla.clock-paused", "customer.replied", "sla.clock-resumed");
    }

    @Test
    void aTaskKeepsTheVariablesItsFormShowsAsTheEngineHandedThemOver() {
        String ticketId = api.submit(Requests.passwordReset("Form input"));
        JsonNode task = api.awaitOpenTask(ticketId);
        JsonNode ticket = api.ticket(ticketId).path("ticket");

        JsonNode input = http.getForObject("/api/tenants/demo/tasks/" + task.path("taskId").asText() + "/form-input", JsonNode.class);

        assertThat(input.path("referenceNumber").asText()).isEqualTo(ticket.path("referenceNumber").asText());
        assertThat(input.path("subject").asText()).isEqualTo("Form input");
        assertThat(input.path("priority").asText()).isEqualTo(ticket.path("priority").asText());
        assertThat(input.path("escalationBriefing").asText()).isNotBlank();
        assertThat(input.has("ticketId")).as("variables the form does not show are not kept").isFalse();
        assertThat(http.getForEntity("/api/tenants/demo/tasks/" + UUID.randomUUID() + "/form-input", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void tasksMustBeClaimedByTheAgentAndCompletedWithValidFormData() {
        String ticketId = api.submit(Requests.passwordReset("Form checks"));
        JsonNode task = api.awaitOpenTask(ticketId);

        assertThat(api.complete(task, "agent.rita", "{\"resolution\": \"resolved\"}").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        api.claim(task, "agent.rita");
        assertThat(api.claim(task, "agent.bob").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<JsonNode> invalid = api.complete(task, "agent.rita", "{\"resolution\": \"maybe\"}");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().path("errors").path("resolution").asText()).startsWith("must be one of");
        ResponseEntity<JsonNode> missing = api.complete(task, "agent.rita", "{}");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().path("errors").path("resolution").asText()).isEqualTo("is required");

        assertThat(api.tasks("?state=claimed").stream().anyMatch(t -> t.path("taskId").equals(task.path("taskId")))).isTrue();
    }
}
