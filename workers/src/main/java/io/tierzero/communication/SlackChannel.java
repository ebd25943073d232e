package io.tierzero.communication;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Slack incoming webhooks: "text" for notifications, "blocks" for the message as shown. */
@Component
class SlackChannel implements DeliveryChannel {

    /** Slack's limit for the text of a section block. */
    private static final int SECTION_LIMIT = 3000;

    private final ChatWebhooks webhooks;

    SlackChannel(ChatWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SLACK;
    }

    @Override
    public void deliver(OutboundMessage message) throws DeliveryFailure {
        webhooks.post(message.recipient().address(), payload(message));
    }

    static Map<String, Object> payload(OutboundMessage message) {
        String body = escape(message.body());
        return Map.of(
                "text", message.subject(),
                "blocks", List.of(
                        Map.of("type", "header", "text", Map.of("type", "plain_text", "text", abbreviate(message.subject(), 150))),
                        Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", abbreviate(body, SECTION_LIMIT)))));
    }

    /** Slack's mrkdwn reserves these three characters. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String abbreviate(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
