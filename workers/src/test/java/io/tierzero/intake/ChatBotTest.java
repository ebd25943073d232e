package io.tierzero.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierzero.support.EmbeddedStackTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The Slack slash command and the Teams outgoing webhook, called as the tools call them, signed or not. */
class ChatBotTest extends EmbeddedStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLACK = "/integrations/tenants/demo/chat/slack";
    private static final String TEAMS = "/integrations/tenants/demo/chat/teams";

    @Test
    void aSignedSlackCommandOpensOneRequestPerTriggerAndStatusAnswersOnlyItsRequester() throws Exception {
        String subject = "VPN drops every hour " + UUID.randomUUID();
        String newCommand = slackCommand("U1TIERZ", "new " + subject, "trigger-" + UUID.randomUUID());

        JsonNode opened = slack(newCommand, Instant.now());
        JsonNode sentAgain = slack(newCommand, Instant.now());

        assertThat(opened.path("response_type").asText()).isEqualTo("ephemeral");
        String reference = jdbc.sql("select reference_number from tickets where subject = ?").param(subject)
                .query(String.class).single();
        assertThat(opened.path("text").asText()).contains(reference);
        assertThat(sentAgain.path("text").asText()).as("Slack sending the command again").contains(reference);
        assertThat(jdbc.sql("select channel || ' ' || requester_id || ' ' || requester_name from tickets where subject = ?")
                .param(subject).query(String.class).single()).isEqualTo("chat slack:U1TIERZ rita");

        JsonNode status = slack(slackCommand("U1TIERZ", "status " + reference.toLowerCase(), "trigger-" + UUID.randomUUID()),
                Instant.now());
        assertThat(status.path("text").asText()).startsWith(reference + " \"" + subject + "\": ")
                .contains("last updated");
        JsonNode someoneElse = slack(slackCommand("U2OTHER", "status " + reference, "trigger-" + UUID.randomUUID()),
                Instant.now());
        assertThat(someoneElse.path("text").asText()).isEqualTo("No request " + reference + " of yours was found.");
    }

    @Test
    void aSlackCommandWithAWrongSignatureOrAnOldTimestampIsRefusedAndOneWithoutItsUserIsABadRequest() throws Exception {
        String subject = "Refused " + UUID.randomUUID();
        String command = slackCommand("U1TIERZ", "new " + subject, "trigger-" + UUID.randomUUID());
        long now = Instant.now().getEpochSecond();

        ResponseEntity<String> wrongSignature = post(SLACK, MediaType.APPLICATION_FORM_URLENCODED, command,
                slackHeaders(Long.toString(now), slackSignature("not-the-signing-secret", now, command)));
        long sixMinutesAgo = now - 6 * 60;
        ResponseEntity<String> stale = post(SLACK, MediaType.APPLICATION_FORM_URLENCODED, command,
                slackHeaders(Long.toString(sixMinutesAgo), slackSignature(SLACK_SIGNING_SECRET, sixMinutesAgo, command)));
        ResponseEntity<String> unsigned = post(SLACK, MediaType.APPLICATION_FORM_URLENCODED, command, new HttpHeaders());

        for (ResponseEntity<String> refused : new ResponseEntity[]{wrongSignature, stale, unsigned}) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(JSON.readTree(refused.getBody()).path("status").asInt()).isEqualTo(401);
        }
        assertThat(JSON.readTree(stale.getBody()).path("detail").asText()).contains("older than 5 minutes");
        String noUser = "command=%2Ftierzero&text=new+" + URLEncoder.encode(subject, StandardCharsets.UTF_8);
        ResponseEntity<String> unreadable = post(SLACK, MediaType.APPLICATION_FORM_URLENCODED, noUser,
                slackHeaders(Long.toString(now), slackSignature(SLACK_SIGNING_SECRET, now, noUser)));
        assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unreadable.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(jdbc.sql("select count(*) from tickets where subject = ?").param(subject).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void aSignedTeamsMessageOpensARequestAndAnswersStatus() throws Exception {
        String subject = "Outlook crashes on start " + UUID.randomUUID();
        String activity = teamsActivity("activity-" + UUID.randomUUID(), "<at>TierZero</at>&nbsp;new " + subject);

        ResponseEntity<String> response = post(TEAMS, MediaType.APPLICATION_JSON, activity,
                teamsHeaders("HMAC " + teamsSignature(TEAMS_SECURITY_TOKEN, activity)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders()).as("the signature is not echoed").doesNotContainKey(HttpHeaders.AUTHORIZATION);
        JsonNode answer = JSON.readTree(response.getBody());
        assertThat(answer.path("type").asText()).isEqualTo("message");
        String reference = jdbc.sql("select reference_number from tickets where subject = ?").param(subject)
                .query(String.class).single();
        assertThat(answer.path("text").asText()).contains(reference);
        assertThat(jdbc.sql("select channel || ' ' || requester_id from tickets where subject = ?").param(subject)
                .query(String.class).single()).isEqualTo("chat teams:aad-rita");

        String statusActivity = teamsActivity("activity-" + UUID.randomUUID(), "<at>TierZero</at> status " + reference);
        ResponseEntity<String> status = post(TEAMS, MediaType.APPLICATION_JSON, statusActivity,
                teamsHeaders("HMAC " + teamsSignature(TEAMS_SECURITY_TOKEN, statusActivity)));
        assertThat(JSON.readTree(status.getBody()).path("text").asText()).startsWith(reference + " \"" + subject);
    }

    @Test
    void aTeamsMessageWithAWrongSignatureIsRefusedAndAnUnreadableOneIsABadRequest() throws Exception {
        String subject = "Refused on Teams " + UUID.randomUUID();
        String activity = teamsActivity("activity-" + UUID.randomUUID(), "<at>TierZero</at> new " + subject);
        String otherToken = Base64.getEncoder().encodeToString("another webhook's token".getBytes(StandardCharsets.UTF_8));

        ResponseEntity<String> wrongSignature = post(TEAMS, MediaType.APPLICATION_JSON, activity,
                teamsHeaders("HMAC " + teamsSignature(otherToken, activity)));
        String notAnActivity = "{\"type\": \"message\", \"text\": ";
        ResponseEntity<String> unreadable = post(TEAMS, MediaType.APPLICATION_JSON, notAnActivity,
                teamsHeaders("HMAC " + teamsSignature(TEAMS_SECURITY_TOKEN, notAnActivity)));

        assertThat(wrongSignature.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrongSignature.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(unreadable.getBody()).path("title").asText()).isEqualTo("Invalid chat request");
        assertThat(jdbc.sql("select count(*) from tickets where subject = ?").param(subject).query(Integer.class)
                .single()).isZero();
    }

    private JsonNode slack(String form, Instant at) throws Exception {
        long timestamp = at.getEpochSecond();
        ResponseEntity<String> response = post(SLACK, MediaType.APPLICATION_FORM_URLENCODED, form,
                slackHeaders(Long.toString(timestamp), slackSignature(SLACK_SIGNING_SECRET, timestamp, form)));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders()).as("the signature is not echoed").doesNotContainKey("X-Slack-Signature");
        return JSON.readTree(response.getBody());
    }

    /** A slash command's form as Slack posts it. */
    private static String slackCommand(String userId, String text, String triggerId) {
        return "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&channel_id=C2147483705"
                + "&channel_name=test&user_id=" + userId + "&user_name=rita&command=%2Ftierzero&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678&trigger_id=" + triggerId;
    }

    private static String teamsActivity(String id, String text) {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", "message");
        activity.put("id", id);
        activity.put("timestamp", Instant.now().toString());
        activity.put("text", text);
        activity.putObject("from").put("id", "29:1-teams-user").put("name", "Rita Agent").put("aadObjectId", "aad-rita");
        activity.putObject("conversation").put("id", "19:channel@thread.skype");
        return activity.toString();
    }

    private static HttpHeaders slackHeaders(String timestamp, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Slack-Request-Timestamp", timestamp);
        headers.add("X-Slack-Signature", signature);
        return headers;
    }

    private static HttpHeaders teamsHeaders(String authorization) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.AUTHORIZATION, authorization);
        return headers;
    }

    private ResponseEntity<String> post(String path, MediaType type, String body, HttpHeaders headers) {
        headers.setContentType(type);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private static String slackSignature(String secret, long timestamp, String body) throws Exception {
        return "v0=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8),
                ("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static String teamsSignature(String base64Token, String body) throws Exception {
        return Base64.getEncoder().encodeToString(hmac(Base64.getDecoder().decode(base64Token),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(content);
    }
}
