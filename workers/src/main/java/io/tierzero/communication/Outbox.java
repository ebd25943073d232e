package io.tierzero.communication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbound_messages table: messages wait here until the dispatcher has sent them. */
@Repository
public class Outbox {

    private final JdbcClient jdbc;

    public Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the message unless one with its idempotency key exists; returns whether it was added. */
    public boolean enqueue(OutboundMessage message) {
        return jdbc.sql("""
                        insert into outbound_messages (tenant_id, message_id, ticket_id, idempotency_key, channel_kind,
                            recipient, template_id, subject, body)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, idempotency_key) do nothing""")
                .params(message.tenantId(), message.messageId(), message.ticketId(), message.idempotencyKey(),
                        message.channel().value(), message.recipient().address(), message.templateId(),
                        message.subject(), message.body())
                .update() == 1;
    }

    /**
     * Takes the message due first, if any, and counts the attempt. It is not due again before the claim timeout, so
     * other instances leave it alone while it is being sent, and a crash mid-send only delays it.
     */
    public Optional<OutboundMessage> claimNextDue(Duration claimTimeout) {
        return jdbc.sql("""
                        update outbound_messages set attempts = attempts + 1, updated_at = now(),
                            next_attempt_at = now() + ? * interval '1 millisecond'
                        where message_id = (select message_id from outbound_messages
                                            where state in ('pending', 'failed') and next_attempt_at <= now()
                                            order by next_attempt_at limit 1 for update skip locked)
                        returning *""")
                .param(claimTimeout.toMillis()).query(Outbox::map).optional();
    }

    /** Returns whether the message was still unsent (so the caller records the sending once). */
    public boolean markSent(UUID messageId) {
        return jdbc.sql("""
                        update outbound_messages set state = 'sent', sent_at = now(), updated_at = now(), last_error = null
                        where message_id = ? and state in ('pending', 'failed')""")
                .param(messageId).update() == 1;
    }

    public void scheduleRetry(UUID messageId, String error, Duration wait) {
        jdbc.sql("""
                        update outbound_messages set state = 'failed', last_error = ?, updated_at = now(),
                            next_attempt_at = now() + ? * interval '1 millisecond'
                        where message_id = ? and state in ('pending', 'failed')""")
                .params(error, wait.toMillis(), messageId).update();
    }

    /** Returns whether the message was still unsent (so the caller records the failure once). */
    public boolean markDead(UUID messageId, String error) {
        return jdbc.sql("""
                        update outbound_messages set state = 'dead', last_error = ?, updated_at = now()
                        where message_id = ? and state in ('pending', 'failed')""")
                .params(error, messageId).update() == 1;
    }

    /** Puts a dead message back in the queue, with a fresh count of attempts; returns whether it was dead. */
    public boolean requeue(String tenantId, UUID messageId) {
        return jdbc.sql("""
                        update outbound_messages set state = 'pending', attempts = 0, next_attempt_at = now(),
                            updated_at = now()
                        where tenant_id = ? and message_id = ? and state = 'dead'""")
                .params(tenantId, messageId).update() == 1;
    }

    public Optional<OutboundMessage> find(String tenantId, UUID messageId) {
        return jdbc.sql("select * from outbound_messages where tenant_id = ? and message_id = ?")
                .params(tenantId, messageId).query(Outbox::map).optional();
    }

    /** The message with this id, whichever its tenant (a reply names it in its In-Reply-To header). */
    public Optional<OutboundMessage> findByMessageId(UUID messageId) {
        return jdbc.sql("select * from outbound_messages where message_id = ?")
                .param(messageId).query(Outbox::map).optional();
    }

    /** The ticket's latest message of the template (a reopened ticket is asked again: the latest is the question). */
    public Optional<OutboundMessage> latest(UUID ticketId, String templateId) {
        return jdbc.sql("""
                        select * from outbound_messages where ticket_id = ? and template_id = ?
                        order by created_at desc limit 1""")
                .params(ticketId, templateId).query(Outbox::map).optional();
    }

    /** Every message about the ticket, oldest first. */
    public List<OutboundMessage> aboutTicket(UUID ticketId) {
        return jdbc.sql("select * from outbound_messages where ticket_id = ? order by created_at, message_id")
                .param(ticketId).query(Outbox::map).list();
    }

    public List<OutboundMessage> list(String tenantId, OutboxState state, int limit) {
        return jdbc.sql("select * from outbound_messages where tenant_id = ? and state = ? order by created_at desc limit ?")
                .params(tenantId, state.value(), limit).query(Outbox::map).list();
    }

    private static OutboundMessage map(ResultSet rs, int row) throws SQLException {
        return new OutboundMessage(rs.getObject("message_id", UUID.class), rs.getString("tenant_id"),
                rs.getObject("ticket_id", UUID.class), rs.getString("idempotency_key"),
                new Recipient(ChannelKind.of(rs.getString("channel_kind")), rs.getString("recipient")),
                rs.getString("template_id"), rs.getString("subject"), rs.getString("body"),
                OutboxState.of(rs.getString("state")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
