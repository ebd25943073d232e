package io.tierzero.communication;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The inbound_emails table: every e-mail read from the service desk's mailbox, once, with what intake made of it. */
@Repository
class InboundEmails {

    private static final String OPENING_KEY_PREFIX = "email/";

    private final JdbcClient jdbc;

    InboundEmails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isRecorded(String messageId) {
        return jdbc.sql("select exists (select 1 from inbound_emails where message_id = ?)")
                .param(messageId).query(Boolean.class).single();
    }

    /** Records the mail unless it is recorded already. */
    void record(InboundEmail mail, String tenantId, UUID ticketId, IntakeOutcome outcome, String reason) {
        jdbc.sql("""
                        insert into inbound_emails (message_id, tenant_id, ticket_id, sender, subject, outcome, reason)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (message_id) do nothing""")
                .params(mail.messageId(), tenantId, ticketId, mail.senderAddress(), mail.subject(), outcome.value(),
                        reason)
                .update();
    }

    /** The ticket whose thread holds one of these Message-IDs: a mail of the ticket's the service desk received. */
    Optional<UUID> ticketInThreadOf(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select ticket_id from inbound_emails where message_id in (:ids) and ticket_id is not null
                        order by received_at limit 1""")
                .param("ids", messageIds).query(UUID.class).optional();
    }

    /**
     * The Message-ID of the mail that opened the ticket, if a mail did. Read from the request's idempotency key,
     * which is written with the ticket: known before any message of the ticket can be sent.
     */
    Optional<String> openingMessageId(UUID ticketId) {
        return jdbc.sql("""
                        select substring(idempotency_key from :prefixLength + 1) from request_idempotency_keys
                        where ticket_id = :ticketId and starts_with(idempotency_key, :prefix)""")
                .param("prefixLength", OPENING_KEY_PREFIX.length()).param("ticketId", ticketId)
                .param("prefix", OPENING_KEY_PREFIX)
                .query(String.class).optional();
    }

    /** The idempotency key of the request the mail opens. */
    static String openingKey(String messageId) {
        return OPENING_KEY_PREFIX + messageId;
    }
}
