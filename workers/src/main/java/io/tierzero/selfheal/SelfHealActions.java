package io.tierzero.selfheal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.remediation.PlaybookExecution;
import io.tierzero.remediation.PlaybookRefusedException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger of remote actions, one per playbook execution, and the tenant's blast-radius limit on them: at most
 * tenants.self_heal_actions_per_hour actions in any hour. A job run is rerun at most once, whichever alert asks.
 */
@Repository
public class SelfHealActions {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public SelfHealActions(JdbcClient jdbc, TransactionTemplate transaction, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
    }

    /** @throws PlaybookRefusedException when the tenant's hourly limit is reached */
    public void refuseWhenLimitReached(String tenantId) {
        int limit = limitOf(tenantId);
        long taken = takenInTheLastHour(tenantId);
        if (taken >= limit) {
            throw limitReached(tenantId, limit);
        }
    }

    /** @throws PlaybookRefusedException when the job run was rerun already */
    public void refuseWhenAlreadyRerun(String tenantId, String target) {
        boolean rerun = jdbc.sql("select exists (select 1 from self_heal_actions where tenant_id = ? and kind = 'job-rerun' and target = ?)")
                .params(tenantId, target).query(Boolean.class).single();
        if (rerun) {
            throw new PlaybookRefusedException("Job run " + target + " was rerun automatically already: never twice");
        }
    }

    /**
     * Records that the execution acts now, within the tenant's limit (checked again under a per-tenant lock, so
     * concurrent alerts cannot pass it together). An execution that began earlier gets its action back.
     *
     * @throws PlaybookRefusedException when the limit is reached or the job run was rerun by another execution
     */
    public SelfHealAction begin(PlaybookExecution execution, String kind, String target) {
        return transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('self-heal/' || ?))").param(execution.tenantId())
                    .query(row -> { });
            Optional<SelfHealAction> earlier = of(execution.executionId());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            int limit = limitOf(execution.tenantId());
            if (takenInTheLastHour(execution.tenantId()) >= limit) {
                throw limitReached(execution.tenantId(), limit);
            }
            int inserted = jdbc.sql("""
                            insert into self_heal_actions (execution_id, tenant_id, kind, target, state)
                            values (?, ?, ?, ?, 'started') on conflict do nothing""")
                    .params(execution.executionId(), execution.tenantId(), kind, target).update();
            if (inserted == 0) {
                throw new PlaybookRefusedException("Job run " + target + " was rerun automatically already: never twice");
            }
            return new SelfHealAction(false, Map.of(), false);
        });
    }

    public void end(UUID executionId, Map<String, Object> details) {
        jdbc.sql("update self_heal_actions set state = 'ended', details = ?::jsonb, ended_at = now() where execution_id = ?")
                .params(toJson(details), executionId).update();
    }

    private Optional<SelfHealAction> of(UUID executionId) {
        return jdbc.sql("select * from self_heal_actions where execution_id = ?").param(executionId)
                .query((rs, n) -> new SelfHealAction("ended".equals(rs.getString("state")),
                        fromJson(rs.getString("details")), true))
                .optional();
    }

    private int limitOf(String tenantId) {
        return jdbc.sql("select self_heal_actions_per_hour from tenants where tenant_id = ?").param(tenantId)
                .query(Integer.class).single();
    }

    private long takenInTheLastHour(String tenantId) {
        return jdbc.sql("select count(*) from self_heal_actions where tenant_id = ? and started_at > now() - interval '1 hour'")
                .param(tenantId).query(Long.class).single();
    }

    private static PlaybookRefusedException limitReached(String tenantId, int limit) {
        if (limit == 0) {
            return new PlaybookRefusedException("Self-heal is off for " + tenantId + " (0 actions per hour allowed)");
        }
        return new PlaybookRefusedException("Blast-radius limit reached: " + tenantId + " allows " + limit
                + " self-heal actions per hour and all were taken; a person takes over");
    }

    private String toJson(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, Object> fromJson(String text) {
        try {
            return json.readValue(text, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
