package io.tierzero.communication;

import io.tierzero.audit.Actor;
import io.tierzero.audit.ActorKind;
import io.tierzero.ticket.RequesterAnswers;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketRepository;
import io.tierzero.ticket.TicketState;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The requester answers "did this resolve your issue?" by replying to the e-mail. A reply counts as the answer when
 * it replies to the question (its In-Reply-To or References header names the question's Message-ID), comes from the
 * address the question was sent to, the ticket still waits for that answer, and its first lines say yes or no. It
 * then takes the same path as the links and the API ({@link RequesterAnswers}). Every reply is recorded once, with
 * what became of it, and an event in its ticket's history, in the same transaction as the answer: a reply read
 * again changes nothing.
 */
@Service
public class RequesterReplies {

    private static final String CONFIRMATION_TEMPLATE = "confirmation-request";
    private static final Actor MAILBOX = new Actor(ActorKind.SYSTEM, "tierzero-mailbox");

    private final Outbox outbox;
    private final MailReplies replies;
    private final TicketRepository tickets;
    private final TicketLifecycle lifecycle;
    private final RequesterAnswers requesterAnswers;
    private final TransactionTemplate transaction;

    public RequesterReplies(Outbox outbox, MailReplies replies, TicketRepository tickets, TicketLifecycle lifecycle,
            RequesterAnswers requesterAnswers, TransactionTemplate transaction) {
        this.outbox = outbox;
        this.replies = replies;
        this.tickets = tickets;
        this.lifecycle = lifecycle;
        this.requesterAnswers = requesterAnswers;
        this.transaction = transaction;
    }

    /** What became of the reply; nothing if it was handled before (read again, it changes nothing). */
    public Optional<ReplyOutcome> handle(IncomingReply reply) {
        return transaction.execute(status -> replies.isRecorded(reply.messageId())
                ? Optional.<ReplyOutcome>empty() : Optional.of(firstHandling(reply)));
    }

    private ReplyOutcome firstHandling(IncomingReply reply) {
        Optional<OutboundMessage> replyTo = reply.referencedIds().stream()
                .map(RequesterReplies::outboxMessageId).flatMap(Optional::stream)
                .map(outbox::findByMessageId).flatMap(Optional::stream)
                .filter(message -> message.channel() == ChannelKind.EMAIL)
                .findFirst();
        if (replyTo.isEmpty()) {
            replies.record(reply, null, ReplyOutcome.NOT_A_REPLY, "It replies to none of the service desk's e-mails");
            return ReplyOutcome.NOT_A_REPLY;
        }
        OutboundMessage question = replyTo.get();
        Ticket ticket = tickets.lock(question.ticketId());
        if (!CONFIRMATION_TEMPLATE.equals(question.templateId())) {
            return record(reply, question, ticket, ReplyOutcome.NOT_A_REPLY,
                    "A reply to the message " + question.templateId() + ", not to a question");
        }
        if (reply.automatic()) {
            return record(reply, question, ticket, ReplyOutcome.NOT_A_REPLY, "An automatic reply (out of office)");
        }
        if (!question.recipient().address().equalsIgnoreCase(reply.sender().strip())) {
            return record(reply, question, ticket, ReplyOutcome.WRONG_SENDER,
                    "Sent from " + reply.sender() + ", not from the address the question went to");
        }
        if (!awaitsTheAnswerTo(ticket, question)) {
            return record(reply, question, ticket, ReplyOutcome.NOT_A_REPLY,
                    "The request was not waiting for this answer any more");
        }
        ConfirmationAnswer answer = ConfirmationReplyInterpreter.interpret(reply.text());
        if (answer == ConfirmationAnswer.UNCLEAR) {
            return record(reply, question, ticket, ReplyOutcome.UNCLEAR, "The reply says neither yes nor no");
        }
        boolean resolved = answer == ConfirmationAnswer.YES;
        ReplyOutcome outcome = record(reply, question, ticket,
                resolved ? ReplyOutcome.ANSWERED_YES : ReplyOutcome.ANSWERED_NO,
                resolved ? "The reply says it is resolved" : "The reply says it is not resolved");
        requesterAnswers.answer(ticket.ticketId(), resolved);
        return outcome;
    }

    /** The ticket is resolved, its current round is unanswered, and the question is that round's. */
    private boolean awaitsTheAnswerTo(Ticket ticket, OutboundMessage question) {
        return ticket.state() == TicketState.RESOLVED && !requesterAnswers.hasAnswered(ticket)
                && outbox.latest(ticket.ticketId(), CONFIRMATION_TEMPLATE)
                        .map(latest -> latest.messageId().equals(question.messageId())).orElse(false);
    }

    private ReplyOutcome record(IncomingReply reply, OutboundMessage question, Ticket ticket, ReplyOutcome outcome,
            String reason) {
        replies.record(reply, question, outcome, reason);
        boolean fromRequester = outcome != ReplyOutcome.WRONG_SENDER;
        lifecycle.change(ticket.ticketId(), "requester.replied-by-email")
                .by(fromRequester ? Actor.requester(ticket.requesterId()) : MAILBOX)
                .because(reason)
                .note("outcome", outcome.value())
                .note("replyMessageId", reply.messageId())
                .note("inReplyTo", question.messageId())
                .note("template", question.templateId())
                .once(ticket.ticketId() + "/email-reply/" + reply.messageId())
                .apply();
        return outcome;
    }

    /** The outbox row a Message-ID of the service desk names: {@code <outbox message id>@<mail domain>}. */
    static Optional<UUID> outboxMessageId(String referencedId) {
        int at = referencedId.indexOf('@');
        try {
            return Optional.of(UUID.fromString(at < 0 ? referencedId : referencedId.substring(0, at)));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
