package io.tierzero.remediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.audit.ActionSignatures;
import io.tierzero.ticket.RequesterAnswered;
import io.tierzero.ticket.Ticket;
import org.springframework.context.event.EventListener;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of every playbook run: what automation tried for a ticket, and how it ended. */
@Repository
public class PlaybookExecutions {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public PlaybookExecutions(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The automated attempt of the ticket: one per ticket, so a redelivered job or a restart finds it. */
    public Optional<PlaybookExecution> ofTicket(UUID ticketId) {
        return jdbc.sql("select * from playbook_executions where idempotency_key = ?").param(attemptKey(ticketId))
                .query(this::map).optional();
    }

    public Optional<PlaybookExecution> find(String tenantId, UUID executionId) {
        return jdbc.sql("select * from playbook_executions where tenant_id = ? and execution_id = ?")
                .params(tenantId, executionId).query(this::map).optional();
    }

    public PlaybookExecution start(Ticket ticket, Playbook playbook, String mode, Map<String, String> inputs) {
        jdbc.sql("""
                        insert into playbook_executions (tenant_id, execution_id, ticket_id, idempotency_key, playbook_id,
                            playbook_version, runbook_id, mode, state, inputs, input_digest)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?::jsonb, ?)
                        on conflict (idempotency_key) do nothing""")
                .params(ticket.tenantId(), UUID.randomUUID(), ticket.ticketId(), attemptKey(ticket.ticketId()),
                        playbook.id(), playbook.version(), playbook.id(), mode, toJson(inputs),
                        ActionSignatures.digestOf(inputs))
                .update();
        return ofTicket(ticket.ticketId()).orElseThrow();
    }

    public void finish(UUID executionId, String state, Map<String, Object> result) {
        jdbc.sql("""
                        update playbook_executions set state = ?, result = ?::jsonb,
                            ended_at = case when ? = 'awaiting-requester' then null else now() end
                        where execution_id = ?""")
                .params(state, toJson(result), state, executionId).update();
    }

    /** The requester's answer to "did this resolve your issue?" after the ticket's automated attempt. */
    @EventListener
    public void answered(RequesterAnswered answer) {
        jdbc.sql("update playbook_executions set requester_confirmed = ? where idempotency_key = ? and state = 'succeeded'")
                .params(answer.confirmed(), attemptKey(answer.ticketId())).update();
    }

    /** True or false once the requester answered after a successful run; null before that. */
    public Boolean requesterConfirmed(UUID executionId) {
        List<Boolean> answers = jdbc.sql("select requester_confirmed from playbook_executions where execution_id = ?")
                .param(executionId).query((rs, n) -> (Boolean) rs.getObject(1)).list();
        return answers.isEmpty() ? null : answers.get(0);
    }

    /** Per playbook: runs, how they ended and what requesters said: how well each runbook works. */
    public List<PlaybookStatistics> statistics(String tenantId) {
        return jdbc.sql("""
                        select playbook_id, count(*) as runs,
                               count(*) filter (where state = 'succeeded') as succeeded,
                               count(*) filter (where state in ('failed', 'rolled-back')) as failed,
                               count(*) filter (where state = 'awaiting-requester') as awaiting_requester,
                               count(*) filter (where state = 'dry-run') as dry_runs,
                               count(*) filter (where requester_confirmed) as confirmed,
                               count(*) filter (where requester_confirmed = false) as not_resolved
                        from playbook_executions where tenant_id = ? group by playbook_id order by playbook_id""")
                .param(tenantId)
                .query((rs, n) -> new PlaybookStatistics(rs.getString("playbook_id"), rs.getLong("runs"),
                        rs.getLong("succeeded"), rs.getLong("failed"), rs.getLong("awaiting_requester"),
                        rs.getLong("dry_runs"), rs.getLong("confirmed"), rs.getLong("not_resolved")))
                .list();
    }

    private static String attemptKey(UUID ticketId) {
        return ticketId + "/automated-attempt";
    }

    private PlaybookExecution map(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        String result = rs.getString("result");
        return new PlaybookExecution(rs.getString("tenant_id"), rs.getObject("execution_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), rs.getString("playbook_id"), rs.getString("playbook_version"),
                rs.getString("mode"), rs.getString("state"), fromJson(rs.getString("inputs"), new TypeReference<>() { }),
                rs.getString("input_digest"), result == null ? Map.of() : fromJson(result, new TypeReference<>() { }),
                rs.getTimestamp("started_at").toInstant(), ended == null ? null : ended.toInstant());
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
