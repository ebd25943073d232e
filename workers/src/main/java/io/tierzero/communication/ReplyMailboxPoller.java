package io.tierzero.communication;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the unseen e-mails of the service desk's mailbox over IMAP and hands each to {@link RequesterReplies}; a
 * handled one is marked seen and stays in the mailbox (replies that answer no question are for the integration hub).
 * One that could not be handled stays unseen and is read again at the next look; the mail_replies table makes
 * reading one again harmless.
 */
@Component
@ConditionalOnProperty(name = "tierzero.communication.replies.enabled", havingValue = "true", matchIfMissing = true)
class ReplyMailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(ReplyMailboxPoller.class);
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");

    private final RequesterReplies replies;
    private final ReplyMailboxProperties mailbox;

    ReplyMailboxPoller(RequesterReplies replies, ReplyMailboxProperties mailbox) {
        this.replies = replies;
        this.mailbox = mailbox;
    }

    @Scheduled(initialDelayString = "${tierzero.communication.replies.poll-interval:PT30S}",
            fixedDelayString = "${tierzero.communication.replies.poll-interval:PT30S}")
    void readNewReplies() {
        try (Store store = Session.getInstance(sessionProperties()).getStore(mailbox.ssl() ? "imaps" : "imap")) {
            try {
                store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
            } catch (AuthenticationFailedException e) {
                // the embedded mail server creates the service desk's mailbox on its first message
                log.debug("Cannot log in to the mailbox of {}: {}", mailbox.username(), e.getMessage());
                return;
            }
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    handle(folder, message);
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            log.warn("Cannot read the mailbox of {} at {}:{}: {}", mailbox.username(), mailbox.host(), mailbox.port(),
                    e.getMessage());
        }
    }

    private void handle(Folder folder, Message message) {
        try {
            IncomingReply reply = incomingReply(folder, message);
            Optional<ReplyOutcome> outcome = replies.handle(reply);
            message.setFlag(Flags.Flag.SEEN, true);
            log.info("E-mail {} from {}: {}", reply.messageId(), reply.sender(),
                    outcome.map(ReplyOutcome::value).orElse("handled before"));
        } catch (MessagingException | IOException | RuntimeException e) {
            log.warn("E-mail {} not handled, read again at the next look: {}", message.getMessageNumber(), e.toString());
        }
    }

    private Properties sessionProperties() {
        String protocol = mailbox.ssl() ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", Long.toString(mailbox.timeout().toMillis()));
        properties.put("mail." + protocol + ".timeout", Long.toString(mailbox.timeout().toMillis()));
        // reading a message does not mark it seen: that is done once it is handled
        properties.put("mail." + protocol + ".peek", "true");
        if (mailbox.starttls()) {
            properties.put("mail.imap.starttls.enable", "true");
            properties.put("mail.imap.starttls.required", "true");
        }
        return properties;
    }

    private IncomingReply incomingReply(Folder folder, Message message) throws MessagingException, IOException {
        List<String> referencedIds = new ArrayList<>();
        referencedIds.addAll(messageIds(message.getHeader("In-Reply-To")));
        referencedIds.addAll(messageIds(message.getHeader("References")));
        String subject = message.getSubject();
        return new IncomingReply(messageId(folder, message), sender(message), subject == null ? "" : subject,
                referencedIds, isAutomatic(message), plainText(message).orElse(""));
    }

    /** Its Message-ID; one without gets one from the folder's unique id, stable while the folder is. */
    private String messageId(Folder folder, Message message) throws MessagingException {
        List<String> ids = messageIds(message.getHeader("Message-ID"));
        if (!ids.isEmpty()) {
            return ids.getFirst();
        }
        UIDFolder uids = (UIDFolder) folder;
        return "uid-" + uids.getUIDValidity() + "-" + uids.getUID(message) + "@" + mailbox.username();
    }

    private static List<String> messageIds(String[] headers) {
        List<String> ids = new ArrayList<>();
        if (headers != null) {
            for (String header : headers) {
                Matcher matcher = MESSAGE_ID.matcher(header);
                while (matcher.find()) {
                    ids.add(matcher.group(1));
                }
            }
        }
        return ids;
    }

    private static String sender(Message message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0) {
            return "";
        }
        return from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
    }

    /** RFC 3834 (Auto-Submitted other than "no"), or the headers of common out-of-office responders. */
    private static boolean isAutomatic(Message message) throws MessagingException {
        String[] autoSubmitted = message.getHeader("Auto-Submitted");
        return (autoSubmitted != null && !autoSubmitted[0].strip().equalsIgnoreCase("no"))
                || message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null;
    }

    /** The plain text of the message: its text/plain part, else its HTML part as text. */
    private static Optional<String> plainText(Part part) throws MessagingException, IOException {
        Optional<String> text = firstPart(part, "text/plain");
        return text.isPresent() ? text : firstPart(part, "text/html").map(ReplyMailboxPoller::htmlAsText);
    }

    private static Optional<String> firstPart(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return Optional.of(part.getContent().toString());
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Optional<String> text = firstPart(multipart.getBodyPart(i), mimeType);
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        return Optional.empty();
    }

    /** Enough of the HTML for the first lines: the quoted message (a blockquote) becomes a quote marker. */
    private static String htmlAsText(String html) {
        return html.replaceAll("(?is)<(head|style|script)\\b.*?</\\1>", "")
                .replaceAll("(?is)<blockquote\\b.*", "\n> ")
                .replaceAll("(?i)<(br|/p|/div|/li|/tr)\\b[^>]*>", "\n")
                .replaceAll("<[^>]*>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}
