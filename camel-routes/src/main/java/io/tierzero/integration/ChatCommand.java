package io.tierzero.integration;

import java.util.Locale;

/**
 * What a chat user asked the bot, whatever the tool: open a request ("new &lt;what is wrong&gt;"), the status of one
 * of theirs ("status &lt;reference number&gt;"), or anything else (answered with how to ask).
 *
 * @param tenantId   the tenant whose bot was asked
 * @param platform   the chat tool
 * @param userId     the user's id in the chat tool
 * @param userName   the user's display name there, if known
 * @param action     what is asked
 * @param argument   the request's text, the reference number, or the words not understood
 * @param deliveryId the tool's id of this delivery (the same when the tool sends it again)
 */
public record ChatCommand(String tenantId, ChatPlatform platform, String userId, String userName, Action action,
        String argument, String deliveryId) {

    public enum Action {
        NEW, STATUS, HELP
    }

    /** The command the user's words are: the first word is the action, the rest its argument. */
    public static ChatCommand of(String tenantId, ChatPlatform platform, String userId, String userName, String words,
            String deliveryId) {
        String text = words == null ? "" : words.strip();
        int space = text.indexOf(' ');
        String first = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : text.substring(space + 1).strip();
        return switch (first) {
            case "new" -> new ChatCommand(tenantId, platform, userId, userName, Action.NEW, rest, deliveryId);
            case "status" -> new ChatCommand(tenantId, platform, userId, userName, Action.STATUS, rest, deliveryId);
            default -> new ChatCommand(tenantId, platform, userId, userName, Action.HELP, text, deliveryId);
        };
    }

    /** The requester the chat user is in TierZero: the tool's user id, qualified by the tool. */
    public String requesterId() {
        return platform.value() + ":" + userId;
    }
}
