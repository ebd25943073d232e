package io.tierzero.communication;

import java.util.List;

/**
 * An e-mail in the service desk's mailbox, as far as answering goes.
 *
 * @param messageId     its Message-ID, the key it is recorded under
 * @param sender        the address in its From header (blank if none)
 * @param referencedIds the Message-IDs in its In-Reply-To and References headers, without angle brackets
 * @param automatic     whether it says it was sent by a machine (Auto-Submitted, an out-of-office reply)
 * @param text          its plain text
 */
public record IncomingReply(String messageId, String sender, String subject, List<String> referencedIds,
        boolean automatic, String text) {
}
