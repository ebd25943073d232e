package io.tierzero.communication;

import java.util.List;

/**
 * An e-mail in the service desk's mailbox, as intake sees it.
 *
 * @param messageId            its Message-ID without angle brackets, the key it is recorded under
 * @param senderAddress        the address in its From header (blank if none)
 * @param senderName           the name in its From header, if any
 * @param subject              its subject (blank if none)
 * @param referencedIds        the Message-IDs in its In-Reply-To and References headers, In-Reply-To first
 * @param automatic            whether it says it was sent by a machine (Auto-Submitted, Precedence: bulk or
 *                             auto_reply, an out-of-office responder's headers)
 * @param text                 its plain text (an HTML-only mail's HTML as text)
 * @param attachments          its attachments within the size limit
 * @param attachmentsNotKept   the file names of the attachments above the size limit
 */
public record InboundEmail(String messageId, String senderAddress, String senderName, String subject,
        List<String> referencedIds, boolean automatic, String text, List<EmailAttachment> attachments,
        List<String> attachmentsNotKept) {

    IncomingReply asReply() {
        return new IncomingReply(messageId, senderAddress, subject, referencedIds, automatic, text);
    }

    /** A file that came with the mail; {@code partNumber} is its place among the mail's parts (stable across reads). */
    public record EmailAttachment(int partNumber, String filename, String contentType, byte[] content) {
    }
}
