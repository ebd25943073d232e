package io.tierzero.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.Requests;
import io.tierzero.support.TestAccounts;
import io.tierzero.support.TicketApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class RequesterPortalTest extends EmbeddedStackTest {

    private static final String MY_REQUESTS = "/api/tenants/demo/my/requests";

    @Test
    void aRequesterSubmitsInTheirOwnNameAndSeesOnlyTheirOwnRequests() {
        TestRestTemplate requester = anonymous.withBasicAuth("demo.requester", TestAccounts.PASSWORD);
        String submission = """
                {"subject": "Monitor flickers", "body": "The second monitor flickers since this morning.", "urgency": "high"}""";
        ResponseEntity<JsonNode> created = post(requester, MY_REQUESTS, submission, "portal-test-1");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String ticketId = created.getBody().path("ticketId").asText();
        ResponseEntity<JsonNode> replayed = post(requester, MY_REQUESTS, submission, "portal-test-1");
        assertThat(replayed.getStatusCode()).as("a retry").isEqualTo(HttpStatus.OK);
        assertThat(replayed.getBody().path("ticketId").asText()).isEqualTo(ticketId);

        JsonNode ticket = new TicketApi(http, "demo").ticket(ticketId).path("ticket");
        assertThat(ticket.path("requesterId").asText()).isEqualTo("demo.requester");
        assertThat(ticket.path("channel").asText()).isEqualTo("portal");
        assertThat(requester.getForObject(MY_REQUESTS, JsonNode.class).findValuesAsText("ticketId")).contains(ticketId);
        JsonNode mine = requester.getForObject(MY_REQUESTS + "/" + ticketId, JsonNode.class);
        assertThat(mine.path("subject").asText()).isEqualTo("Monitor flickers");
        assertThat(mine.path("awaitingYourAnswer").asBoolean()).isFalse();

        String someoneElses = new TicketApi(http, "demo").submit(Requests.passwordReset("Locked out again"));
        ResponseEntity<JsonNode> notMine = requester.getForEntity(MY_REQUESTS + "/" + someoneElses, JsonNode.class);
        assertThat(notMine.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(requester.getForObject(MY_REQUESTS, JsonNode.class).findValuesAsText("ticketId")).doesNotContain(someoneElses);
        assertThat(requester.getForEntity("/api/tenants/" + SLA_TEST_TENANT + "/my/requests", JsonNode.class).getStatusCode())
                .as("a tenant that is not the requester's").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void onlyAResolvedRequestTakesAnAnswerAndBadInputIsAProblem() {
        TestRestTemplate requester = anonymous.withBasicAuth("demo.requester", TestAccounts.PASSWORD);
        String ticketId = post(requester, MY_REQUESTS, """
                {"subject": "Docking station", "body": "No network through the docking station."}""", null)
                .getBody().path("ticketId").asText();

        ResponseEntity<JsonNode> early = post(requester, MY_REQUESTS + "/" + ticketId + "/confirmation", "{\"resolved\": true}", null);
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(early.getBody().path("detail").asText()).contains("only a resolved request waits for your answer");

        ResponseEntity<JsonNode> blank = post(requester, MY_REQUESTS, "{\"subject\": \"\", \"body\": \"x\"}", null);
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getBody().path("errors").has("subject")).isTrue();
        assertThat(post(requester, MY_REQUESTS + "/" + ticketId + "/confirmation", "{}", null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(http.withBasicAuth("agent.rita", TestAccounts.PASSWORD), MY_REQUESTS, "{}", null).getStatusCode())
                .as("the portal is for requesters").isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static ResponseEntity<JsonNode> post(TestRestTemplate as, String path, String json, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.add("Idempotency-Key", idempotencyKey);
        }
        return as.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), JsonNode.class);
    }
}
