package io.tierzero.communication;

import io.tierzero.communication.InboundEmail.EmailAttachment;
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
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one reader of the service desk's mailbox: reads its unseen e-mails over IMAP and hands each to
 * {@link EmailIntake} (new requests, comments, answers to "did this resolve your issue?"); a handled one is marked
 * seen and stays in the mailbox. One that could not be handled stays unseen and is read again at the next look; the
 * inbound_emails and mail_replies tables make reading one again harmless.
 */
@Component
@ConditionalOnProperty(name = "tierzero.communication.replies.enabled", havingValue = "true", matchIfMissing = true)
class ReplyMailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(ReplyMailboxPoller.class);
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");

    private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("bulk", "junk", "auto_reply");

    private final EmailIntake intake;
    private final ReplyMailboxProperties mailbox;
    private final EmailIntakeProperties intakeProperties;

    ReplyMailboxPoller(EmailIntake intake, ReplyMailboxProperties mailbox, EmailIntakeProperties intakeProperties) {
        this.intake = intake;
        this.mailbox = mailbox;
        this.intakeProperties = intakeProperties;
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
            InboundEmail mail = inboundEmail(folder, message);
            Optional<IntakeOutcome> outcome = intake.handle(mail);
            message.setFlag(Flags.Flag.SEEN, true);
            log.info("E-mail {} from {}: {}", mail.messageId(), mail.senderAddress(),
                    outcome.map(IntakeOutcome::value).orElse("handled before"));
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

    private InboundEmail inboundEmail(Folder folder, Message message) throws MessagingException, IOException {
        List<String> referencedIds = new ArrayList<>();
        referencedIds.addAll(messageIds(message.getHeader("In-Reply-To")));
        referencedIds.addAll(messageIds(message.getHeader("References")));
        String subject = message.getSubject();
        List<EmailAttachment> attachments = new ArrayList<>();
        List<String> attachmentsNotKept = new ArrayList<>();
        collectAttachments(message, new int[]{0}, attachments, attachmentsNotKept);
        InternetAddress from = sender(message);
        return new InboundEmail(messageId(folder, message), from == null ? "" : from.getAddress(),
                from == null ? null : from.getPersonal(), subject == null ? "" : subject, referencedIds,
                isAutomatic(message), plainText(message).orElse(""), attachments, attachmentsNotKept);
    }

    /**
     * The parts that are files (a disposition of attachment, or a file name) in the order of the message, numbered
     * by their place among all its parts; those above the size limit are named only.
     */
    private void collectAttachments(Part part, int[] partNumber, List<EmailAttachment> kept, List<String> notKept)
            throws MessagingException, IOException {
        int number = partNumber[0]++;
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collectAttachments(multipart.getBodyPart(i), partNumber, kept, notKept);
            }
            return;
        }
        boolean isFile = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (!isFile) {
            return;
        }
        String filename = part.getFileName() != null ? MimeUtility.decodeText(part.getFileName())
                : "attachment-" + number;
        long limit = intakeProperties.maxAttachmentSize().toBytes();
        try (InputStream content = part.getInputStream()) {
            byte[] bytes = content.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                notKept.add(filename);
            } else {
                kept.add(new EmailAttachment(number, filename, baseType(part.getContentType()), bytes));
            }
        }
    }

    private static String baseType(String contentType) {
        try {
            return contentType == null ? "application/octet-stream" : new ContentType(contentType).getBaseType().toLowerCase();
        } catch (ParseException unreadable) {
            return "application/octet-stream";
        }
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

    private static InternetAddress sender(Message message) throws MessagingException {
        Address[] from = message.getFrom();
        return from != null && from.length > 0 && from[0] instanceof InternetAddress address ? address : null;
    }

    /**
     * RFC 3834 (Auto-Submitted other than "no"), Precedence bulk, junk or auto_reply (mass mailings and older
     * responders), or the headers of common out-of-office responders.
     */
    private static boolean isAutomatic(Message message) throws MessagingException {
        String[] autoSubmitted = message.getHeader("Auto-Submitted");
        String[] precedence = message.getHeader("Precedence");
        return (autoSubmitted != null && !autoSubmitted[0].strip().equalsIgnoreCase("no"))
                || (precedence != null && AUTOMATIC_PRECEDENCE.contains(precedence[0].strip().toLowerCase()))
                || message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null;
    }

    /** The plain text of the message: its text/plain part, else its HTML part as text. */
    private static Optional<String> plainText(Part part) throws MessagingException, IOException {
        Optional<String> text = firstPart(part, "text/plain");
        return text.isPresent() ? text : firstPart(part, "text/html").map(ReplyMailboxPoller::htmlAsText);
    }

    private static Optional<String> firstPart(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                && part.getFileName() == null) {
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
