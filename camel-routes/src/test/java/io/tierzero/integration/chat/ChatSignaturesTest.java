package io.tierzero.integration.chat;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The signatures against values computed outside TierZero: Slack's documented example and openssl for Teams. */
class ChatSignaturesTest {

    private static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String SLACK_TIMESTAMP = "1531420618";
    private static final byte[] SLACK_BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
            .getBytes(StandardCharsets.UTF_8);
    private static final String SLACK_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static final Instant SENT = Instant.ofEpochSecond(1531420618);

    // printf '%s' "$body" | openssl dgst -sha256 -mac HMAC -macopt hexkey:<hex of the decoded token> -binary | base64
    private static final String TEAMS_TOKEN = "dGllcnplcm8tdGVhbXMtdGVzdC1zZWN1cml0eS10b2tlbg==";
    private static final byte[] TEAMS_BODY = "{\"type\":\"message\",\"id\":\"1\",\"text\":\"<at>TierZero</at> status DEMO-000001\",\"from\":{\"id\":\"29:1\"}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String TEAMS_SIGNATURE = "Bw3QZb4mYNXuShGuwDqBJcZzFmqKY/fjxpvX5c3LQS0=";

    @Test
    void slacksDocumentedRequestIsAcceptedWithinFiveMinutesOfItsTimestamp() {
        assertThatCode(() -> SlackSignature.verify(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY,
                SENT.plusSeconds(299))).doesNotThrowAnyException();
    }

    @Test
    void aSlackRequestIsRefusedWhenItsBodyTimestampOrSecretDiffersOrItIsOld() {
        byte[] otherBody = new String(SLACK_BODY, StandardCharsets.UTF_8).replace("text=&", "text=new+laptop&")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SlackSignature.verify(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_SIGNATURE, otherBody, SENT))
                .isInstanceOf(UnverifiedChatRequestException.class);
        assertThatThrownBy(() -> SlackSignature.verify(SLACK_SECRET, "1531420619", SLACK_SIGNATURE, SLACK_BODY, SENT))
                .isInstanceOf(UnverifiedChatRequestException.class);
        assertThatThrownBy(() -> SlackSignature.verify("another-secret", SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY,
                SENT)).isInstanceOf(UnverifiedChatRequestException.class);
        assertThatThrownBy(() -> SlackSignature.verify(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY,
                SENT.plusSeconds(301))).isInstanceOf(UnverifiedChatRequestException.class).hasMessageContaining("older");
        assertThatThrownBy(() -> SlackSignature.verify(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_SIGNATURE, SLACK_BODY,
                SENT.minusSeconds(301))).isInstanceOf(UnverifiedChatRequestException.class);
        assertThatThrownBy(() -> SlackSignature.verify(SLACK_SECRET, "yesterday", SLACK_SIGNATURE, SLACK_BODY, SENT))
                .isInstanceOf(UnverifiedChatRequestException.class);
    }

    @Test
    void aTeamsRequestIsAcceptedWithTheHmacOfItsBodyKeyedWithTheDecodedToken() {
        assertThatCode(() -> TeamsSignature.verify(TEAMS_TOKEN, "HMAC " + TEAMS_SIGNATURE, TEAMS_BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void aTeamsRequestIsRefusedWhenItsBodyOrSignatureDiffersOrTheSchemeIsNotHmac() {
        byte[] otherBody = new String(TEAMS_BODY, StandardCharsets.UTF_8).replace("000001", "000002")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TeamsSignature.verify(TEAMS_TOKEN, "HMAC " + TEAMS_SIGNATURE, otherBody))
                .isInstanceOf(UnverifiedChatRequestException.class);
        assertThatThrownBy(() -> TeamsSignature.verify(TEAMS_TOKEN, "Bearer " + TEAMS_SIGNATURE, TEAMS_BODY))
                .isInstanceOf(UnverifiedChatRequestException.class);
        assertThatThrownBy(() -> TeamsSignature.verify(TEAMS_TOKEN, "HMAC not*base64", TEAMS_BODY))
                .isInstanceOf(UnverifiedChatRequestException.class);
        assertThatThrownBy(() -> TeamsSignature.verify(TEAMS_TOKEN, null, TEAMS_BODY))
                .isInstanceOf(UnverifiedChatRequestException.class);
    }
}
