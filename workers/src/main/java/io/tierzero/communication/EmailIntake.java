package io.tierzero.communication;

import io.tierzero.audit.Actor;
import io.tierzero.audit.ActorKind;
import io.tierzero.communication.InboundEmail.EmailAttachment;
import io.tierzero.communication.KnownRequesters.KnownRequester;
import io.tierzero.intake.IntakeService;
import io.tierzero.intake.NewRequest;
import io.tierzero.intake.SubmittedRequest;
import io.tierzero.ticket.Channel;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketAttachments;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What becomes of an e-mail to the service desk. A mail in a ticket's thread is about that ticket: the answer to
 * "did this resolve your issue?" when that question waits for it ({@link RequesterReplies}), otherwise a comment on
 * the ticket; never a new ticket. A mail in no thread opens a request for its sender. Mails from the service desk's
 * own address and automatic replies open nothing and comment on nothing, so no mail loop can start here.
 *
 * <p>A mail is in a ticket's thread when its In-Reply-To or References header names a mail of the ticket's: one the
 * service desk sent, or one it received (the mail that opened it, a comment). As a fallback, a subject quoting the
 * ticket's reference number in brackets ("[DEMO-000042]") counts when the mail comes from the ticket's requester:
 * Message-IDs cannot be guessed, reference numbers can.
 *
 * <p>Each mail is handled once by its Message-ID; every step is idempotent, so a mail read again after a crash
 * half-way finishes what was left and repeats nothing.
 */
@Service
public class EmailIntake {

    private static final Pattern REFERENCE_IN_SUBJECT = Pattern.compile("\\[([A-Z0-9][A-Z0-9-]*-\\d+)]");
    private static final int MAX_SUBJECT = 255;
    private static final int MAX_BODY = 20_000;
    private static final int MAX_REQUESTER_ID = 128;

    private final RequesterReplies replies;
    private final MailReplies mailReplies;
    private final InboundEmails inboundEmails;
    private final KnownRequesters knownRequesters;
    private final Outbox outbox;
    private final TicketRepository tickets;
    private final TicketLifecycle lifecycle;
    private final TicketAttachments attachments;
    private final IntakeService intake;
    private final TransactionTemplate transaction;
    private final CommunicationProperties communication;
    private final ReplyMailboxProperties mailbox;
    private final EmailIntakeProperties properties;

    EmailIntake(RequesterReplies replies, MailReplies mailReplies, InboundEmails inboundEmails,
            KnownRequesters knownRequesters, Outbox outbox, TicketRepository tickets, TicketLifecycle lifecycle,
            TicketAttachments attachments, IntakeService intake, TransactionTemplate transaction,
            CommunicationProperties communication, ReplyMailboxProperties mailbox, EmailIntakeProperties properties) {
        this.replies = replies;
        this.mailReplies = mailReplies;
        this.inboundEmails = inboundEmails;
        this.knownRequesters = knownRequesters;
        this.outbox = outbox;
        this.tickets = tickets;
        this.lifecycle = lifecycle;
        this.attachments = attachments;
        this.intake = intake;
        this.transaction = transaction;
        this.communication = communication;
        this.mailbox = mailbox;
        this.properties = properties;
    }

    /** What intake made of the mail; nothing if it was handled before (read again, it changes nothing). */
    public Optional<IntakeOutcome> handle(InboundEmail mail) {
        if (inboundEmails.isRecorded(mail.messageId())) {
            return Optional.empty();
        }
        ReplyOutcome asReply = replies.handle(mail.asReply())
                .or(() -> mailReplies.outcome(mail.messageId()))
                .orElseThrow(() -> new IllegalStateException("Reply " + mail.messageId() + " was not recorded"));
        if (isFromServiceDesk(mail)) {
            return Optional.of(record(mail, null, IntakeOutcome.IGNORED,
                    "Sent from the service desk's own address (a mail loop)"));
        }
        Optional<Ticket> thread = ticketInThreadOf(mail);
        if (asReply == ReplyOutcome.ANSWERED_YES || asReply == ReplyOutcome.ANSWERED_NO) {
            return Optional.of(record(mail, thread.orElse(null), IntakeOutcome.ANSWERED,
                    "The answer to \"did this resolve your issue?\""));
        }
        if (mail.automatic()) {
            return Optional.of(record(mail, thread.orElse(null), IntakeOutcome.IGNORED,
                    "An automatic reply (Auto-Submitted, Precedence or an out-of-office responder)"));
        }
        return Optional.of(thread.isPresent() ? comment(mail, thread.get()) : openRequest(mail));
    }

    private boolean isFromServiceDesk(InboundEmail mail) {
        String sender = mail.senderAddress().strip();
        return sender.equalsIgnoreCase(communication.mailFrom()) || sender.equalsIgnoreCase(mailbox.username());
    }

    private Optional<Ticket> ticketInThreadOf(InboundEmail mail) {
        Optional<UUID> sentByServiceDesk = mail.referencedIds().stream()
                .map(RequesterReplies::outboxMessageId).flatMap(Optional::stream)
                .map(outbox::findByMessageId).flatMap(Optional::stream)
                .filter(message -> message.channel() == ChannelKind.EMAIL)
                .map(OutboundMessage::ticketId)
                .findFirst();
        Optional<UUID> threaded = sentByServiceDesk.or(() -> inboundEmails.ticketInThreadOf(mail.referencedIds()));
        if (threaded.isPresent()) {
            return threaded.map(tickets::get);
        }
        Matcher reference = REFERENCE_IN_SUBJECT.matcher(mail.subject());
        return reference.find()
                ? tickets.findByReferenceNumber(reference.group(1))
                        .filter(ticket -> mail.senderAddress().strip().equalsIgnoreCase(ticket.requesterEmail()))
                : Optional.empty();
    }

    private IntakeOutcome comment(InboundEmail mail, Ticket inThread) {
        Actor author = mail.senderAddress().strip().equalsIgnoreCase(inThread.requesterEmail())
                ? Actor.requester(inThread.requesterId()) : new Actor(ActorKind.HUMAN, mail.senderAddress());
        transaction.executeWithoutResult(status -> {
            Ticket ticket = tickets.lock(inThread.ticketId());
            lifecycle.change(ticket.ticketId(), "ticket.comment-added")
                    .by(author)
                    .because("E-mail in the ticket's thread")
                    .note("author", mail.senderAddress())
                    .note("body", truncated(mail.text(), MAX_BODY))
                    .note("publicReply", true)
                    .note("connection", "email")
                    .once(ticket.ticketId() + "/email-comment/" + mail.messageId())
                    .apply();
            keepAttachments(mail, ticket, author);
            record(mail, ticket, IntakeOutcome.COMMENTED, "A reply in the ticket's thread");
        });
        return IntakeOutcome.COMMENTED;
    }

    private IntakeOutcome openRequest(InboundEmail mail) {
        Optional<Sender> sender = senderAsRequester(mail);
        if (sender.isEmpty()) {
            return record(mail, null, IntakeOutcome.NO_TENANT,
                    "No tenant knows " + mail.senderAddress() + " and there is no default tenant");
        }
        String subject = mail.subject().isBlank() ? "(no subject)" : truncated(mail.subject().strip(), MAX_SUBJECT);
        String body = mail.text().isBlank() ? subject : truncated(mail.text().strip(), MAX_BODY);
        SubmittedRequest submitted = intake.submit(sender.get().tenantId(), InboundEmails.openingKey(mail.messageId()),
                new NewRequest(null, Channel.EMAIL, sender.get().requester(), null, subject, body, null, null, null,
                        null, null));
        transaction.executeWithoutResult(status -> {
            Ticket ticket = tickets.lock(submitted.ticketId());
            keepAttachments(mail, ticket, Actor.requester(ticket.requesterId()));
            record(mail, ticket, IntakeOutcome.OPENED_REQUEST, "In no ticket's thread: a new request");
        });
        return IntakeOutcome.OPENED_REQUEST;
    }

    private record Sender(String tenantId, NewRequest.Requester requester) {
    }

    /**
     * The sender as a requester of the one tenant that knows the address, else of the default tenant (an unknown
     * sender there is a requester named by the address); none without a default tenant.
     */
    private Optional<Sender> senderAsRequester(InboundEmail mail) {
        String address = mail.senderAddress().strip();
        if (address.isBlank()) {
            return Optional.empty();
        }
        List<KnownRequester> known = knownRequesters.withAddress(address);
        List<String> knowingTenants = known.stream().map(KnownRequester::tenantId).distinct().toList();
        Optional<String> tenant = knowingTenants.size() == 1 ? Optional.of(knowingTenants.getFirst())
                : Optional.of(properties.defaultTenant()).filter(defaultTenant -> !defaultTenant.isBlank());
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        Optional<KnownRequester> requester = known.stream()
                .filter(candidate -> candidate.tenantId().equals(tenant.get())).findFirst();
        String name = requester.map(KnownRequester::name).filter(knownName -> !knownName.isBlank())
                .orElse(mail.senderName());
        return Optional.of(new Sender(tenant.get(), new NewRequest.Requester(
                requester.map(KnownRequester::requesterId)
                        .orElse(truncated(address.toLowerCase(), MAX_REQUESTER_ID)),
                name == null ? null : truncated(name, 255), address)));
    }

    /** Keeps the mail's attachments with the ticket, and names in its history those above the size limit. */
    private void keepAttachments(InboundEmail mail, Ticket ticket, Actor sender) {
        List<String> kept = new ArrayList<>();
        for (EmailAttachment attachment : mail.attachments()) {
            attachments.keep(ticket, mail.messageId(), attachment.partNumber(), attachment.filename(),
                    attachment.contentType(), attachment.content());
            kept.add(attachment.filename());
        }
        if (kept.isEmpty() && mail.attachmentsNotKept().isEmpty()) {
            return;
        }
        lifecycle.change(ticket.ticketId(), "ticket.attachments-added")
                .by(sender)
                .because(mail.attachmentsNotKept().isEmpty() ? "Attachments of an e-mail"
                        : "Attachments of an e-mail; those above " + properties.maxAttachmentSize() + " are not kept")
                .note("kept", kept)
                .note("notKept", mail.attachmentsNotKept())
                .note("messageId", mail.messageId())
                .once(ticket.ticketId() + "/email-attachments/" + mail.messageId())
                .apply();
    }

    private IntakeOutcome record(InboundEmail mail, Ticket ticket, IntakeOutcome outcome, String reason) {
        inboundEmails.record(mail, ticket == null ? null : ticket.tenantId(), ticket == null ? null : ticket.ticketId(),
                outcome, reason);
        return outcome;
    }

    private static String truncated(String text, int maxLength) {
        return text.length() <= maxLength ? text : text.substring(0, maxLength);
    }
}
