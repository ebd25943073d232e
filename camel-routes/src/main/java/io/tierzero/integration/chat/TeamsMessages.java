package io.tierzero.integration.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.ChatCommand;
import io.tierzero.integration.ChatPlatform;
import java.io.IOException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * A Teams outgoing webhook: a message activity ("@TierZero new ...", "@TierZero status ...") signed with the
 * webhook's security token, answered with a message in the same conversation.
 */
@Component
class TeamsMessages {

    private final ChatSecrets secrets;
    private final ObjectMapper json;

    TeamsMessages(ChatSecrets secrets, ObjectMapper json) {
        this.secrets = secrets;
        this.json = json;
    }

    void verifySignature(Exchange exchange) {
        String tenant = exchange.getMessage().getHeader("tenant", String.class);
        String securityToken = secrets.teamsSecurityToken(tenant).orElseThrow(() ->
                new UnverifiedChatRequestException("Teams is not set up for tenant " + tenant + "."));
        TeamsSignature.verify(securityToken, exchange.getMessage().getHeader("Authorization", String.class),
                RawBody.of(exchange));
    }

    void readCommand(Exchange exchange) {
        JsonNode activity;
        try {
            activity = json.readTree(RawBody.of(exchange));
        } catch (IOException e) {
            throw new InvalidChatRequestException("The body is not a JSON activity.");
        }
        JsonNode from = activity == null ? null : activity.path("from");
        if (from == null || !"message".equals(activity.path("type").asText()) || from.path("id").asText().isBlank()
                || !activity.path("text").isTextual()) {
            throw new InvalidChatRequestException("A Teams activity needs type \"message\", text and from.id.");
        }
        String userId = from.path("aadObjectId").asText(from.path("id").asText());
        String deliveryId = activity.path("id").asText("");
        exchange.getMessage().setBody(ChatCommand.of(exchange.getMessage().getHeader("tenant", String.class),
                ChatPlatform.TEAMS, userId, from.path("name").asText(null), withoutMarkup(activity.path("text").asText()),
                "teams/" + (deliveryId.isBlank() ? userId + "/" + activity.path("timestamp").asText() : deliveryId)));
    }

    void writeAnswer(Exchange exchange) throws JsonProcessingException {
        String answer = exchange.getMessage().getBody(String.class);
        ChatProblems.reply(exchange, 200, "application/json", json.writeValueAsString(Map.of("type", "message", "text", answer)));
    }

    /** The user's words: Teams sends HTML, with the bot's @mention as an &lt;at&gt; element first. */
    private static String withoutMarkup(String html) {
        return html.replaceAll("(?is)<at>.*?</at>", " ")
                .replaceAll("<[^>]*>", " ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
    }
}
