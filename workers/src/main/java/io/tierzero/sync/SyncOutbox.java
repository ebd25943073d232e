package io.tierzero.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SyncOutbox {

    private final JdbcClient jdbc;

    public SyncOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the update unless the same event already made one; a pending update of the ticket already covers another. */
    public void add(String tenantId, String connectionId, UUID ticketId, long eventSequence, OutboundUpdate.Kind kind,
                    String comment, boolean publicReply) {
        if (kind == OutboundUpdate.Kind.UPDATE && jdbc.sql("""
                        select count(*) from sync_outbox where tenant_id = ? and connection_id = ? and ticket_id = ?
                        and kind = 'update' and state = 'pending' and attempts = 0""")
                .params(tenantId, connectionId, ticketId).query(Long.class).single() > 0) {
            return;
        }
        jdbc.sql("""
                        insert into sync_outbox (tenant_id, connection_id, ticket_id, event_sequence, kind, comment, public_reply)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(tenantId, connectionId, ticketId, eventSequence, kind.value(), comment, publicReply).update();
    }

    public boolean hasCreate(String tenantId, String connectionId, UUID ticketId) {
        return jdbc.sql("select count(*) from sync_outbox where tenant_id = ? and connection_id = ? and ticket_id = ? and kind = 'create'")
                .params(tenantId, connectionId, ticketId).query(Long.class).single() > 0;
    }

    /**
     * Takes the update due first whose ticket has no earlier update still pending (a ticket's updates go out in
     * order), and counts the attempt. It is not due again before the claim timeout, so another instance leaves it
     * alone while it is being sent and a crash mid-send only delays it.
     */
    public Optional<OutboundUpdate> claimNextDue(Duration claimTimeout) {
        return jdbc.sql("""
                        update sync_outbox set attempts = attempts + 1, next_attempt_at = now() + ? * interval '1 millisecond'
                        where update_id = (
                            select o.update_id from sync_outbox o
                            where o.state = 'pending' and o.next_attempt_at <= now()
                              and not exists (select 1 from sync_outbox earlier
                                              where earlier.tenant_id = o.tenant_id and earlier.connection_id = o.connection_id
                                                and earlier.ticket_id = o.ticket_id and earlier.state in ('pending', 'dead')
                                                and earlier.update_id < o.update_id)
                            order by o.next_attempt_at, o.update_id limit 1 for update skip locked)
                        returning *""")
                .param(claimTimeout.toMillis()).query(SyncOutbox::map).optional();
    }

    public void markSent(long updateId) {
        jdbc.sql("update sync_outbox set state = 'sent', sent_at = now(), last_error = null where update_id = ? and state = 'pending'")
                .param(updateId).update();
    }

    public void scheduleRetry(long updateId, String error, Duration wait) {
        jdbc.sql("update sync_outbox set last_error = ?, next_attempt_at = now() + ? * interval '1 millisecond' where update_id = ? and state = 'pending'")
                .params(error, wait.toMillis(), updateId).update();
    }

    public void markDead(long updateId, String error) {
        jdbc.sql("update sync_outbox set state = 'dead', last_error = ? where update_id = ? and state = 'pending'")
                .params(error, updateId).update();
    }

    /** Puts a dead update back in line; returns whether there was one. */
    public boolean retry(String tenantId, long updateId) {
        return jdbc.sql("""
                        update sync_outbox set state = 'pending', attempts = 0, next_attempt_at = now(), last_error = null
                        where tenant_id = ? and update_id = ? and state = 'dead'""")
                .params(tenantId, updateId).update() == 1;
    }

    public List<OutboundUpdate> list(String tenantId, String state, int limit) {
        return jdbc.sql("select * from sync_outbox where tenant_id = ? and (cast(? as text) is null or state = ?) order by update_id desc limit ?")
                .params(tenantId, state, state, limit).query(SyncOutbox::map).list();
    }

    private static OutboundUpdate map(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new OutboundUpdate(rs.getLong("update_id"), rs.getString("tenant_id"), rs.getString("connection_id"),
                rs.getObject("ticket_id", UUID.class), rs.getLong("event_sequence"),
                OutboundUpdate.Kind.valueOf(rs.getString("kind").toUpperCase()), rs.getString("comment"),
                rs.getBoolean("public_reply"), rs.getString("state"), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }
}
