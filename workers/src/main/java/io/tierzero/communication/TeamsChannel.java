package io.tierzero.communication;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Microsoft Teams incoming webhooks (and Workflows webhooks): an Adaptive Card in the attachments envelope. */
@Component
class TeamsChannel implements DeliveryChannel {

    private final ChatWebhooks webhooks;

    TeamsChannel(ChatWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.TEAMS;
    }

    @Override
    public void deliver(OutboundMessage message) throws DeliveryFailure {
        webhooks.post(message.recipient().address(), payload(message));
    }

    static Map<String, Object> payload(OutboundMessage message) {
        Map<String, Object> card = Map.of(
                "$schema", "http://adaptivecards.io/schemas/adaptive-card.json",
                "type", "AdaptiveCard",
                "version", "1.4",
                "body", List.of(
                        Map.of("type", "TextBlock", "text", message.subject(), "weight", "Bolder", "size", "Medium", "wrap", true),
                        Map.of("type", "TextBlock", "text", message.body(), "wrap", true)));
        return Map.of("type", "message", "attachments", List.of(
                Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", card)));
    }
}
