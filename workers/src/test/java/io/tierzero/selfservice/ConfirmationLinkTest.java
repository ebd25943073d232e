package io.tierzero.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.Mailbox;
import io.tierzero.support.Mailbox.Mail;
import io.tierzero.support.Requests;
import io.tierzero.support.TicketApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The requester answers "did this resolve your issue?" with the links of the mail, as from a browser. */
class ConfirmationLinkTest extends EmbeddedStackTest {

    private static final Pattern YES_LINK = Pattern.compile("Yes, it is resolved: (\\S+)");
    private static final Pattern NO_LINK = Pattern.compile("No, it is not resolved: (\\S+)");

    @Value("${tierzero.embedded.mail.imap-port}")
    private int imapPort;

    @Autowired
    private ConfirmationTokens tokens;

    private TicketApi api;

    @BeforeEach
    void api() {
        api = new TicketApi(http, "demo");
    }

    @Test
    void theYesLinkClosesTheTicketAndForgedExpiredOrReusedTokensChangeNothing() {
        String ticketId = resolvedByAnAgent("Confirm by link");
        String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();
        Mail question = awaitConfirmationMail(reference);
        assertThat(question.body()).contains("Did this resolve your issue?", "automated message", reference);
        String yesLink = link(YES_LINK, question);
        assertThat(link(NO_LINK, question)).isNotEqualTo(yesLink);
        String token = yesLink.substring(yesLink.indexOf("token=") + "token=".length());

        ResponseEntity<String> page = http.getForEntity(yesLink, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("Did this resolve your issue?", reference, "<form method=\"post\"",
                "Yes, it is resolved");
        assertThat(state(ticketId)).as("opening the link changes nothing").isEqualTo("resolved");

        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        ResponseEntity<String> forgedAnswer = answer(forged);
        assertThat(forgedAnswer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(forgedAnswer.getBody()).contains("This link is not valid");
        String expired = tokens.issue(new ConfirmationClaim(UUID.fromString(ticketId), "demo", true, 0),
                Instant.now().minusSeconds(60));
        ResponseEntity<String> expiredAnswer = answer(expired);
        assertThat(expiredAnswer.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(expiredAnswer.getBody()).contains("This link has expired");
        String otherTenant = tokens.issue(new ConfirmationClaim(UUID.fromString(ticketId), "other", true, 0),
                Instant.now().plusSeconds(600));
        assertThat(answer(otherTenant).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(state(ticketId)).isEqualTo("resolved");
        assertThat(TicketApi.actions(api.ticket(ticketId))).doesNotContain("requester.answered");

        ResponseEntity<String> answered = answer(token);
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answered.getBody()).contains("Thank you for confirming");
        JsonNode closed = api.awaitState(ticketId, "closed");
        assertThat(TicketApi.actions(closed)).containsSubsequence("communication.queued", "requester.answered",
                "ticket.closed");

        ResponseEntity<String> reused = answer(token);
        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(reused.getBody()).contains("not waiting for this answer");
        assertThat(TicketApi.actions(api.ticket(ticketId)).stream().filter("requester.answered"::equals)).hasSize(1);
    }

    @Test
    void anAnswerToAnEarlierRoundIsRefused() {
        String ticketId = resolvedByAnAgent("Confirm an old round");
        String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();
        Mail firstRound = awaitConfirmationMail(reference);

        api.answerConfirmation(ticketId, false);
        api.awaitTicket(ticketId, view -> view.path("ticket").path("reopenCount").asInt() == 1);
        JsonNode task = api.awaitOpenTask(ticketId);
        api.claim(task, "agent.rita");
        api.complete(task, "agent.rita", "{\"resolution\": \"resolved\", \"resolutionNotes\": \"Second try\"}");
        api.awaitState(ticketId, "resolved");

        String oldYes = link(YES_LINK, firstRound);
        ResponseEntity<String> refused = answer(oldYes.substring(oldYes.indexOf("token=") + "token=".length()));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(state(ticketId)).isEqualTo("resolved");
    }

    @Test
    void theSameLinkAnsweredTwiceAtOnceCountsOnce() {
        String ticketId = resolvedByAnAgent("Double click");
        String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();
        String noLink = link(NO_LINK, awaitConfirmationMail(reference));
        String token = noLink.substring(noLink.indexOf("token=") + "token=".length());

        List<CompletableFuture<ResponseEntity<String>>> answers = List.of(
                CompletableFuture.supplyAsync(() -> answer(token)), CompletableFuture.supplyAsync(() -> answer(token)));

        assertThat(answers.stream().map(answer -> answer.join().getStatusCode()))
                .containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        JsonNode reopened = api.awaitTicket(ticketId, view -> view.path("ticket").path("reopenCount").asInt() == 1);
        assertThat(TicketApi.actions(reopened).stream().filter("requester.answered"::equals)).hasSize(1);
    }

    private String resolvedByAnAgent(String subject) {
        String ticketId = api.submit(Requests.passwordReset(subject));
        JsonNode task = api.awaitOpenTask(ticketId);
        api.claim(task, "agent.rita");
        api.complete(task, "agent.rita", "{\"resolution\": \"resolved\", \"resolutionNotes\": \"Reset the password\"}");
        api.awaitState(ticketId, "resolved");
        return ticketId;
    }

    private Mail awaitConfirmationMail(String reference) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> Mailbox.read(imapPort, "ana.silva@demo.example").stream()
                        .filter(mail -> mail.subject().contains(reference) && mail.subject().contains("Did this resolve"))
                        .findFirst().orElse(null), mail -> mail != null);
    }

    private static String link(Pattern pattern, Mail mail) {
        Matcher matcher = pattern.matcher(mail.body());
        assertThat(matcher.find()).as("link in %s", mail.body()).isTrue();
        return matcher.group(1);
    }

    private ResponseEntity<String> answer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("token", token);
        return http.postForEntity("/self-service/confirmation", new HttpEntity<>(form, headers), String.class);
    }

    private String state(String ticketId) {
        return api.ticket(ticketId).path("ticket").path("state").asText();
    }
}
