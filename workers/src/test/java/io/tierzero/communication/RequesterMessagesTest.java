package io.tierzero.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.embedded.EmbeddedMailServer;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.Mailbox;
import io.tierzero.support.Mailbox.Mail;
import io.tierzero.support.Requests;
import io.tierzero.support.TicketApi;
import io.tierzero.support.WebhookReceiver;
import io.tierzero.ticket.ProcessStep;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Messages to requesters, through the outbox, to a real SMTP server and real HTTP webhook receivers. */
class RequesterMessagesTest extends EmbeddedStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Value("${tierzero.embedded.mail.imap-port}")
    private int imapPort;

    @Autowired
    private EmbeddedMailServer mailServer;

    @Autowired
    private Communications communications;

    private TicketApi api;

    @BeforeEach
    void api() {
        api = new TicketApi(http, "demo");
    }

    @Test
    void theRequesterReceivesAnAcknowledgementMailAndTheHistoryShowsIt() {
        String ticketId = api.submit(Requests.passwordReset("Acknowledge me"));
        String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();

        Mail mail = awaitMail("ana.silva@demo.example", reference);
        assertThat(mail.subject()).contains(reference, "We have received your request", "Acknowledge me");
        assertThat(mail.body()).contains("Hello Ana Silva", "We will be in touch",
                "This is an automated message from the Demo Client Ltd service desk", "Reference number: " + reference);

        JsonNode view = api.awaitTicket(ticketId, ticket -> TicketApi.actions(ticket).contains("communication.sent"));
        assertThat(TicketApi.actions(view)).containsSubsequence("ticket.created", "communication.queued");
        JsonNode sent = payload(view, "communication.sent");
        assertThat(sent.path("channel").asText()).isEqualTo("email");
        assertThat(sent.path("recipient").asText()).isEqualTo("ana.silva@demo.example");
        assertThat(sent.path("template").asText()).isEqualTo("acknowledgement");
        assertThat(sent.path("subject").asText()).isEqualTo(mail.subject());
        assertThat(mail.messageId()).isEqualTo("<" + sent.path("messageId").asText() + "@tierzero.local>");
    }

    @Test
    void aMessageWaitsInTheOutboxWhileTheMailServerIsDownAndIsSentOnceItIsBack() {
        mailServer.stop();
        String ticketId;
        try {
            ticketId = api.submit(Requests.passwordReset("Mail server down"));
            await().atMost(DELIVERY).until(() -> acknowledgement(ticketId),
                    row -> row != null && row.get("state").equals("failed") && (int) row.get("attempts") >= 1);
            assertThat((String) acknowledgement(ticketId).get("last_error")).isNotBlank();
        } finally {
            mailServer.start();
        }

        await().atMost(DELIVERY).until(() -> "sent".equals(acknowledgementState(ticketId)));
        String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();
        awaitMail("ana.silva@demo.example", reference, "We have received your request");
        JsonNode view = api.awaitTicket(ticketId, ticket -> sent(ticket, "acknowledgement") > 0);
        assertThat(sent(view, "acknowledgement")).isOne();
        assertThat(Mailbox.read(imapPort, "ana.silva@demo.example").stream()
                .filter(mail -> mail.subject().contains(reference) && mail.subject().contains("We have received"))).hasSize(1);
    }

    @Test
    void slackGetsTextAndBlocksAndAServerErrorIsRetriedUntilOneDelivery() throws Exception {
        try (WebhookReceiver slack = new WebhookReceiver(500)) {
            String requester = "slack-user-" + UUID.randomUUID();
            jdbc.sql("""
                    insert into requester_channels (tenant_id, requester_id, kind, address, preferred, verified_at)
                    values ('demo', ?, 'slack', ?, true, now())""").params(requester, slack.url()).update();
            String ticketId = api.submit("""
                    {"channel": "chat", "requester": {"id": "%s", "name": "Sam Slack"},
                     "subject": "Teams keeps crashing", "body": "Since this morning", "category": "end-user"}"""
                    .formatted(requester));

            await().atMost(DELIVERY).until(() -> "sent".equals(acknowledgementState(ticketId)));
            assertThat(acknowledgement(ticketId).get("attempts")).isEqualTo(2);
            List<String> posts = slack.received().stream().filter(post -> post.contains("We have received your request")).toList();
            assertThat(posts).hasSize(2).allMatch(posts.get(0)::equals);
            JsonNode payload = JSON.readTree(posts.get(1));
            String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();
            assertThat(payload.path("text").asText()).contains(reference, "We have received your request");
            assertThat(payload.path("blocks").get(0).path("type").asText()).isEqualTo("header");
            assertThat(payload.path("blocks").get(1).path("text").path("text").asText())
                    .contains("Hello Sam Slack", "automated message", reference);
            JsonNode sent = payload(api.awaitTicket(ticketId,
                    ticket -> TicketApi.actions(ticket).contains("communication.sent")), "communication.sent");
            assertThat(sent.path("channel").asText()).isEqualTo("slack");
            assertThat(sent.path("recipient").asText()).isEqualTo("slack webhook at 127.0.0.1").doesNotContain("/hook");
        }
    }

    @Test
    void teamsGetsAnAdaptiveCardAndARefusedMessageIsDeadUntilRetried() throws Exception {
        try (WebhookReceiver teams = new WebhookReceiver(404)) {
            String ticketId = api.submit(Requests.passwordReset("Tell me on Teams"));
            UUID ticket = UUID.fromString(ticketId);
            communications.sendTo(ticket, "teams", teams.url(), "automation-result",
                    Map.of("actionSummary", "Unlocked the account ana.silva"), "teams-test");
            communications.sendTo(ticket, "teams", teams.url(), "automation-result",
                    Map.of("actionSummary", "Unlocked the account ana.silva"), "teams-test");

            JsonNode dead = await().atMost(DELIVERY).until(() -> outbox("dead").stream()
                    .filter(message -> message.path("ticketId").asText().equals(ticketId)).findFirst().orElse(null),
                    message -> message != null);
            assertThat(dead.path("attempts").asInt()).isOne();
            assertThat(dead.path("lastError").asText()).contains("404");
            assertThat(dead.path("channel").asText()).isEqualTo("teams");
            assertThat(dead.path("templateId").asText()).isEqualTo("automation-result");
            assertThat(dead.has("body")).isFalse();
            assertThat(TicketApi.actions(api.ticket(ticketId))).contains("communication.undeliverable");

            ResponseEntity<JsonNode> retried = api.post("/api/tenants/demo/outbox/" + dead.path("messageId").asText()
                    + "/retry", "", Map.of());
            assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(retried.getBody().path("state").asText()).isEqualTo("pending");
            await().atMost(DELIVERY).until(() -> teams.received().size() == 2);
            JsonNode card = JSON.readTree(teams.received().get(1));
            assertThat(card.path("type").asText()).isEqualTo("message");
            JsonNode attachment = card.path("attachments").get(0);
            assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
            assertThat(attachment.path("content").path("type").asText()).isEqualTo("AdaptiveCard");
            assertThat(attachment.path("content").path("body").get(1).path("text").asText())
                    .contains("Unlocked the account ana.silva", "automated message");
            JsonNode view = api.awaitTicket(ticketId, t -> sent(t, "automation-result") == 1);
            assertThat(events(view, "communication.queued", "automation-result")).isOne();

            ResponseEntity<JsonNode> again = api.post("/api/tenants/demo/outbox/" + dead.path("messageId").asText()
                    + "/retry", "", Map.of());
            assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(api.post("/api/tenants/demo/outbox/" + UUID.randomUUID() + "/retry", "", Map.of())
                    .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(http.getForEntity("/api/tenants/demo/outbox?state=lost", JsonNode.class).getStatusCode())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
        }
    }

    @Test
    void theLifecycleTellsTheRequesterWhoHasTheTicketAndHowItWasResolvedOnce() {
        String ticketId = api.submit(Requests.passwordReset("Escalate and resolve me"));
        JsonNode task = api.awaitOpenTask(ticketId);
        JsonNode ticket = api.awaitTicket(ticketId, view -> view.path("ticket").has("responseDueAt")).path("ticket");
        String reference = ticket.path("referenceNumber").asText();
        Mail escalated = awaitMail("ana.silva@demo.example", reference, "has been passed to");
        String dueInLisbon = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/Lisbon"))
                .format(Instant.parse(ticket.path("responseDueAt").asText()));
        assertThat(escalated.body()).contains(ticket.path("assignmentGroup").asText(), "They will respond by",
                dueInLisbon, "automated message");

        api.claim(task, "rita");
        api.complete(task, "rita", """
                {"resolution": "resolved", "resolutionNotes": "Unlocked the account in the directory"}""");
        Mail resolved = awaitMail("ana.silva@demo.example", reference, "is resolved");
        assertThat(resolved.body()).contains("What we did: Unlocked the account in the directory", reference);

        UUID id = UUID.fromString(ticketId);
        ProcessStep step = new ProcessStep(9, "notify-requester", 9001);
        communications.send(id, "resolved", Map.of("resolutionNotes", "Sent twice by one step"), step);
        communications.send(id, "resolved", Map.of("resolutionNotes", "Sent twice by one step"), step);
        assertThat(jdbc.sql("""
                        select template_id from outbound_messages
                        where ticket_id = ? and template_id <> 'confirmation-request' order by template_id""")
                .param(id).query(String.class).list()).containsExactly("acknowledgement", "escalated", "resolved", "resolved");
    }

    @Test
    void aTenantsOwnTemplateWinsAndARequesterWithoutAnyAddressIsRecordedAsNotSent() {
        jdbc.sql("""
                insert into message_templates (tenant_id, template_id, subject, body)
                values ('demo', 'welcome-back', 'Welcome back, {{requesterName}}', 'Your account {{account}} works again.')""")
                .update();
        String ticketId = api.submit(Requests.passwordReset("Override my wording"));
        String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();

        communications.sendTo(UUID.fromString(ticketId), "email", "it.manager@demo.example", "welcome-back",
                Map.of("account", "ana.silva"), "welcome-back-test");

        Mail mail = awaitMail("it.manager@demo.example", reference, "Welcome back");
        assertThat(mail.subject()).isEqualTo("[" + reference + "] Welcome back, Ana Silva");
        assertThat(mail.body()).startsWith("Your account ana.silva works again.").contains("automated message");

        String unreachable = api.submit("""
                {"channel": "phone", "requester": {"id": "walk-in-%s"}, "subject": "No address", "body": "Call me"}"""
                .formatted(UUID.randomUUID()));
        JsonNode view = api.awaitTicket(unreachable, t -> TicketApi.actions(t).contains("communication.not-sent"));
        assertThat(view.path("history").findValuesAsText("reason"))
                .contains("The requester has no verified channel and no e-mail address");
    }

    private Mail awaitMail(String address, String reference) {
        return awaitMail(address, reference, "");
    }

    /** How many messages of the template the ticket's history shows as sent. */
    private static long sent(JsonNode view, String templateId) {
        return events(view, "communication.sent", templateId);
    }

    private static long events(JsonNode view, String action, String templateId) {
        return StreamSupport.stream(view.path("history").spliterator(), false)
                .filter(e -> e.path("action").asText().equals(action))
                .filter(e -> e.path("payload").asText().contains("\"" + templateId + "\""))
                .count();
    }

    private Mail awaitMail(String address, String reference, String subjectText) {
        return await().atMost(DELIVERY).pollInterval(Duration.ofMillis(250))
                .until(() -> Mailbox.read(imapPort, address).stream()
                        .filter(mail -> mail.subject().contains(reference) && mail.subject().contains(subjectText))
                        .findFirst().orElse(null), mail -> mail != null);
    }

    private Map<String, Object> acknowledgement(String ticketId) {
        return jdbc.sql("select state, attempts, last_error from outbound_messages where ticket_id = ? and template_id = 'acknowledgement'")
                .param(UUID.fromString(ticketId)).query().listOfRows().stream().findFirst().orElse(null);
    }

    private String acknowledgementState(String ticketId) {
        Map<String, Object> row = acknowledgement(ticketId);
        return row == null ? null : (String) row.get("state");
    }

    private List<JsonNode> outbox(String state) {
        JsonNode messages = http.getForObject("/api/tenants/demo/outbox?state=" + state, JsonNode.class);
        return StreamSupport.stream(messages.spliterator(), false).toList();
    }

    private static JsonNode payload(JsonNode view, String action) {
        JsonNode event = StreamSupport.stream(view.path("history").spliterator(), false)
                .filter(e -> e.path("action").asText().equals(action)).findFirst().orElseThrow();
        try {
            return JSON.readTree(event.path("payload").asText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
