package io.tierzero.communication;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mail_replies table: every e-mail read from the service desk's mailbox, once, by its Message-ID. */
@Repository
class MailReplies {

    private final JdbcClient jdbc;

    MailReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isRecorded(String replyMessageId) {
        return jdbc.sql("select exists (select 1 from mail_replies where reply_message_id = ?)")
                .param(replyMessageId).query(Boolean.class).single();
    }

    /** What became of the reply, if it is recorded. */
    Optional<ReplyOutcome> outcome(String replyMessageId) {
        return jdbc.sql("select outcome from mail_replies where reply_message_id = ?")
                .param(replyMessageId).query(String.class).optional().map(ReplyOutcome::of);
    }

    /** Records the reply unless it is recorded already; {@code question} is the message it answers, if known. */
    void record(IncomingReply reply, OutboundMessage question, ReplyOutcome outcome, String reason) {
        jdbc.sql("""
                        insert into mail_replies (reply_message_id, tenant_id, ticket_id, outbound_message_id, sender,
                            subject, outcome, reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (reply_message_id) do nothing""")
                .params(reply.messageId(), question == null ? null : question.tenantId(),
                        question == null ? null : question.ticketId(), question == null ? null : question.messageId(),
                        reply.sender(), reply.subject(), outcome.value(), reason)
                .update();
    }
}
