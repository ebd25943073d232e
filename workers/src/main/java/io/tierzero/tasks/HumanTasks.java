package io.tierzero.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.audit.Actor;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketRepository;
import io.tierzero.ticket.TicketState;
import io.tierzero.triage.drift.OutcomeSource;
import io.tierzero.triage.drift.PredictionLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The app's own task list: user-task jobs become rows agents can list by group, claim and complete, with or
 * without Tasklist. A job delivered again (timeout, or a new job after the lifecycle was re-driven) updates the
 * task of the same ticket and step instead of adding one. A completion that resolves the ticket is its human
 * outcome for the {@link PredictionLog}: the group that resolved it and the runbook used.
 */
@Service
public class HumanTasks {

    static final String APPROVAL_FORM = "approve-automated-action";
    /** The accounts automation acts under (tierzero-process, tierzero-playbooks). */
    private static final String AUTOMATION_ACCOUNT_PREFIX = "tierzero-";

    private static final String SELECT = """
            select h.*, t.reference_number, t.subject from human_tasks h join tickets t on t.ticket_id = h.ticket_id
            """;

    private final JdbcClient jdbc;
    private final TicketRepository tickets;
    private final TicketLifecycle lifecycle;
    private final HumanTaskJobs jobs;
    private final TaskForms forms;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final PredictionLog predictionLog;

    public HumanTasks(JdbcClient jdbc, TicketRepository tickets, TicketLifecycle lifecycle, HumanTaskJobs jobs,
                      TaskForms forms, TransactionTemplate transaction, ObjectMapper json, PredictionLog predictionLog) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.lifecycle = lifecycle;
        this.jobs = jobs;
        this.forms = forms;
        this.transaction = transaction;
        this.json = json;
        this.predictionLog = predictionLog;
    }

    public void opened(OpenedTask task) {
        transaction.executeWithoutResult(status -> {
            Ticket ticket = tickets.lock(task.ticketId());
            int updated = jdbc.sql("""
                            update human_tasks set job_key = ?, process_instance_key = ?, candidate_group = ?,
                                form_input = cast(? as jsonb)
                            where ticket_id = ? and element_id = ? and state in ('open', 'claimed')""")
                    .params(task.step().jobKey(), task.step().processInstanceKey(), task.candidateGroup(),
                            toJson(task.formInput()), task.ticketId(), task.step().elementId())
                    .update();
            if (updated > 0) {
                return;
            }
            UUID taskId = UUID.randomUUID();
            jdbc.sql("""
                            insert into human_tasks (tenant_id, task_id, ticket_id, element_id, name, candidate_group, form_id,
                                job_key, process_instance_key, state, form_input)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', cast(? as jsonb))""")
                    .params(ticket.tenantId(), taskId, task.ticketId(), task.step().elementId(), task.name(),
                            task.candidateGroup(), task.formId(), task.step().jobKey(), task.step().processInstanceKey(),
                            toJson(task.formInput()))
                    .update();
            lifecycle.change(task.ticketId(), "task.created")
                    .during(task.step())
                    .because("Waiting for " + task.candidateGroup() + ": " + task.name())
                    .note("taskId", taskId)
                    .note("candidateGroup", task.candidateGroup())
                    .apply();
        });
    }

    public List<HumanTask> queue(String tenantId, String group, String state) {
        return jdbc.sql(SELECT + """
                        where h.tenant_id = :tenant and (cast(:grp as text) is null or h.candidate_group = :grp)
                          and (cast(:state as text) is null or h.state = :state)
                        order by h.created_at""")
                .param("tenant", tenantId).param("grp", group).param("state", state)
                .query(this::map).list();
    }

    public HumanTask get(String tenantId, UUID taskId) {
        return find(tenantId, taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    /** The variables the task's form shows, as the engine handed them with the task. */
    public JsonNode formInput(String tenantId, UUID taskId) {
        return jdbc.sql("select form_input from human_tasks where tenant_id = ? and task_id = ?")
                .params(tenantId, taskId).query(String.class).optional()
                .map(this::readJson).orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    /** The ticket's task still waiting for or worked on by an agent, if any. */
    public Optional<HumanTask> activeTaskOf(UUID ticketId) {
        return jdbc.sql(SELECT + " where h.ticket_id = ? and h.state in ('open', 'claimed') order by h.created_at desc limit 1")
                .param(ticketId).query(this::map).optional();
    }

    public HumanTask claim(String tenantId, UUID taskId, String userId) {
        return transaction.execute(status -> {
            HumanTask task = lockTask(tenantId, taskId);
            if (task.state().equals("claimed") && userId.equals(task.assignee())) {
                return task;
            }
            if (!task.state().equals("open")) {
                throw new TaskConflictException("Task " + taskId + " is " + task.state()
                        + (task.assignee() == null ? "" : " by " + task.assignee()) + ".");
            }
            jdbc.sql("update human_tasks set state = 'claimed', assignee = ?, claimed_at = now() where task_id = ?")
                    .params(userId, taskId).update();
            lifecycle.change(task.ticketId(), "task.claimed")
                    .by(Actor.human(userId))
                    .toState(TicketState.IN_PROGRESS)
                    .because(userId + " works on: " + task.name())
                    .note("taskId", taskId)
                    .apply();
            return get(tenantId, taskId);
        });
    }

    /**
     * Completes the task with the form's data. The engine's job is completed inside the database transaction,
     * after the row is locked: if the engine refuses, nothing is written; if the database then fails, the
     * engine has moved on and the next step's audit events still record it.
     */
    public HumanTask complete(String tenantId, UUID taskId, String userId, Map<String, Object> formData) {
        return transaction.execute(status -> {
            HumanTask task = lockTask(tenantId, taskId);
            // the next step's worker waits for this lock, so the trail shows the completion before what follows
            tickets.lock(task.ticketId());
            if (!task.state().equals("claimed") || !userId.equals(task.assignee())) {
                throw new TaskConflictException("Task " + taskId + " must be claimed by " + userId
                        + " before it is completed (it is " + task.state() + ").");
            }
            Map<String, Object> variables = new HashMap<>(forms.validate(task.formId(), formData));
            if (APPROVAL_FORM.equals(task.formId())) {
                checkApprover(task, userId);
                variables.put("approvedBy", "approve".equals(variables.get("approvalDecision")) ? userId : null);
            }
            long jobKey = jdbc.sql("select job_key from human_tasks where task_id = ?").param(taskId)
                    .query(Long.class).single();
            if (!jobs.complete(jobKey, variables)) {
                throw new TaskConflictException("Task " + taskId + " is no longer waiting in its lifecycle.");
            }
            jdbc.sql("update human_tasks set state = 'completed', outcome = ?::jsonb, ended_at = now() where task_id = ?")
                    .params(toJson(variables), taskId).update();
            lifecycle.change(task.ticketId(), "task.completed")
                    .by(Actor.human(userId))
                    .because(task.name() + " completed")
                    .note("taskId", taskId)
                    .note("formData", variables)
                    .apply();
            if (resolvesTicket(task.formId(), variables)) {
                recordOutcome(task, variables);
            }
            return get(tenantId, taskId);
        });
    }

    /** Nobody approves an automated action on their own request, and automation never approves its own action. */
    private void checkApprover(HumanTask task, String userId) {
        if (userId.equals(tickets.get(task.ticketId()).requesterId())) {
            throw new SegregationOfDutiesException(userId + " requested this ticket and cannot approve its automated action.");
        }
        if (userId.startsWith(AUTOMATION_ACCOUNT_PREFIX)) {
            throw new SegregationOfDutiesException("Automation cannot approve its own action; a person must.");
        }
    }

    private static boolean resolvesTicket(String formId, Map<String, Object> variables) {
        return switch (formId) {
            case "work-on-request" -> "resolved".equals(variables.get("resolution"));
            case "diagnose-incident" -> true;
            default -> false;
        };
    }

    /** The group that resolved the ticket is the task's queue unless the agent names another one. */
    private void recordOutcome(HumanTask task, Map<String, Object> variables) {
        String namedGroup = Objects.toString(variables.get("resolvedByGroup"), null);
        boolean reassigned = namedGroup != null && !namedGroup.equals(task.candidateGroup());
        predictionLog.resolvedByAgent(task.ticketId(), reassigned ? namedGroup : task.candidateGroup(),
                Objects.toString(variables.get("runbookUsed"), null),
                reassigned ? OutcomeSource.REASSIGNMENT : OutcomeSource.AGENT);
    }

    /** The engine interrupted the step (shift ended, SLA escalation): its active task leaves the queue. */
    public void cancelActive(UUID ticketId) {
        jdbc.sql("update human_tasks set state = 'cancelled', ended_at = now() where ticket_id = ? and state in ('open', 'claimed')")
                .param(ticketId).update();
    }

    private HumanTask lockTask(String tenantId, UUID taskId) {
        jdbc.sql("select 1 from human_tasks where tenant_id = ? and task_id = ? for update")
                .params(tenantId, taskId).query(Integer.class).optional()
                .orElseThrow(() -> new TaskNotFoundException(taskId));
        return get(tenantId, taskId);
    }

    private Optional<HumanTask> find(String tenantId, UUID taskId) {
        return jdbc.sql(SELECT + " where h.tenant_id = ? and h.task_id = ?").params(tenantId, taskId)
                .query(this::map).optional();
    }

    private HumanTask map(ResultSet rs, int row) throws SQLException {
        return new HumanTask(rs.getString("tenant_id"), rs.getObject("task_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), rs.getString("reference_number"), rs.getString("subject"),
                rs.getString("element_id"), rs.getString("name"), rs.getString("candidate_group"),
                rs.getString("form_id"), rs.getString("state"), rs.getString("assignee"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("claimed_at")),
                instant(rs.getTimestamp("ended_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form input of a task is not JSON", e);
        }
    }

    private String toJson(Map<String, Object> variables) {
        try {
            return json.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
