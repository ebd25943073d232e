package io.tierzero.integration.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.ChatCommand;
import io.tierzero.integration.ChatPlatform;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Slack's slash command (/tierzero new ..., /tierzero status ...): a form-encoded POST signed with the app's
 * signing secret, answered with a message only the user sees.
 */
@Component
class SlackCommands {

    private final ChatSecrets secrets;
    private final ObjectMapper json;
    private final Clock clock;

    SlackCommands(ChatSecrets secrets, ObjectMapper json, Clock clock) {
        this.secrets = secrets;
        this.json = json;
        this.clock = clock;
    }

    void verifySignature(Exchange exchange) {
        String tenant = exchange.getMessage().getHeader("tenant", String.class);
        String signingSecret = secrets.slackSigningSecret(tenant).orElseThrow(() ->
                new UnverifiedChatRequestException("Slack is not set up for tenant " + tenant + "."));
        SlackSignature.verify(signingSecret, exchange.getMessage().getHeader("X-Slack-Request-Timestamp", String.class),
                exchange.getMessage().getHeader("X-Slack-Signature", String.class), RawBody.of(exchange), clock.instant());
    }

    void readCommand(Exchange exchange) {
        String body = new String(RawBody.of(exchange), StandardCharsets.UTF_8);
        Map<String, String> form = form(body);
        String userId = form.get("user_id");
        if (userId == null || userId.isBlank() || form.get("command") == null) {
            throw new InvalidChatRequestException("A slash command needs the fields command and user_id.");
        }
        String deliveryId = form.get("trigger_id") != null && !form.get("trigger_id").isBlank()
                ? form.get("trigger_id")
                : sha256(userId + "\n" + form.getOrDefault("text", "") + "\n"
                        + exchange.getMessage().getHeader("X-Slack-Request-Timestamp", String.class));
        exchange.getMessage().setBody(ChatCommand.of(exchange.getMessage().getHeader("tenant", String.class),
                ChatPlatform.SLACK, userId, form.get("user_name"), form.get("text"), "slack/" + deliveryId));
    }

    void writeAnswer(Exchange exchange) throws JsonProcessingException {
        String answer = exchange.getMessage().getBody(String.class);
        ChatProblems.reply(exchange, 200, "application/json", json.writeValueAsString(Map.of("response_type", "ephemeral", "text", answer)));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                fields.putIfAbsent(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new InvalidChatRequestException("The body is not form-encoded: " + e.getMessage());
            }
        }
        return fields;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
