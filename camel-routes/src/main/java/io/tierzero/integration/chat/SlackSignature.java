package io.tierzero.integration.chat;

import io.tierzero.integration.http.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Slack's request signature: X-Slack-Signature is "v0=" and the hex HMAC-SHA256, keyed with the app's signing
 * secret, of "v0:", X-Slack-Request-Timestamp, ":" and the raw body. A timestamp more than five minutes away from
 * now is refused, so a recorded request cannot be replayed later.
 */
final class SlackSignature {

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private SlackSignature() {
    }

    static void verify(String signingSecret, String timestamp, String signature, byte[] rawBody, Instant now) {
        if (timestamp == null || signature == null) {
            throw new UnverifiedChatRequestException("X-Slack-Request-Timestamp and X-Slack-Signature are required.");
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new UnverifiedChatRequestException("X-Slack-Request-Timestamp is not a Unix time.");
        }
        if (Math.abs(now.getEpochSecond() - sentAt) > MAX_AGE.toSeconds()) {
            throw new UnverifiedChatRequestException("The request is older than " + MAX_AGE.toMinutes()
                    + " minutes (or from the future): refused as a possible replay.");
        }
        byte[] signedContent = concat(("v0:" + timestamp.strip() + ":").getBytes(StandardCharsets.UTF_8), rawBody);
        byte[] expected = ("v0=" + HexFormat.of().formatHex(HmacSha256.of(
                signingSecret.getBytes(StandardCharsets.UTF_8), signedContent))).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8))) {
            throw new UnverifiedChatRequestException("X-Slack-Signature does not match the request.");
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
