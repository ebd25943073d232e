package io.tierzero.triage.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.tierzero.ticket.RequesterAnswered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Every prediction of the triage model and what humans finally did with the ticket: the ground truth the drift
 * and shadow reports compare predictions with. Each write is idempotent: a prediction is kept once per ticket and
 * model version (Zeebe delivers jobs at least once), and recording the same outcome again changes nothing. A later
 * outcome (the ticket was reopened and resolved again) replaces an earlier one.
 */
@Service
public class PredictionLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final Clock clock;

    public PredictionLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(PredictedTriage prediction) {
        jdbc.sql("""
                        insert into triage_predictions (tenant_id, ticket_id, model_version, predicted_group,
                            group_confidence, top_groups, predicted_runbook, runbook_confidence, top_runbooks,
                            automation_decision, shadow, predicted_at)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?)
                        on conflict (ticket_id, model_version) do nothing""")
                .params(prediction.tenantId(), prediction.ticketId(), prediction.modelVersion(),
                        prediction.predictedGroup(), confidence(prediction.groupConfidence()),
                        json(prediction.topGroups()), prediction.predictedRunbook(),
                        prediction.predictedRunbook() == null ? null : confidence(prediction.runbookConfidence()),
                        json(prediction.topRunbooks()), prediction.automationDecision(), prediction.shadow(), now())
                .update();
    }

    /**
     * An agent resolved the ticket: {@code group} is the group that resolved it, {@code runbook} the runbook the
     * agent used ("none" for none, null when the agent did not say).
     */
    public void resolvedByAgent(UUID ticketId, String group, String runbook, OutcomeSource source) {
        jdbc.sql("""
                        update triage_predictions
                        set actual_group = :group, actual_runbook = :runbook, outcome_source = :source, outcome_at = :now
                        where ticket_id = :ticket
                          and (actual_group, actual_runbook, outcome_source)
                              is distinct from (cast(:group as text), cast(:runbook as text), cast(:source as text))""")
                .param("group", group).param("runbook", runbook).param("source", source.value())
                .param("now", now()).param("ticket", ticketId)
                .update();
    }

    /**
     * The requester answered "did this resolve your issue?". When no agent had worked the ticket (an automated
     * resolution), the answer is the outcome: a yes confirms the automated runbook.
     */
    @EventListener
    public void answeredByRequester(RequesterAnswered answer) {
        UUID ticketId = answer.ticketId();
        boolean confirmed = answer.confirmed();
        jdbc.sql("""
                        update triage_predictions
                        set requester_confirmed = :confirmed,
                            actual_runbook = case when outcome_source is null and :confirmed
                                                   and automation_decision = 'automate' and not shadow
                                             then predicted_runbook else actual_runbook end,
                            outcome_at = case when outcome_source is null then :now else outcome_at end,
                            outcome_source = coalesce(outcome_source, :requester)
                        where ticket_id = :ticket and requester_confirmed is distinct from :confirmed""")
                .param("confirmed", confirmed).param("now", now()).param("requester", OutcomeSource.REQUESTER.value())
                .param("ticket", ticketId)
                .update();
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static BigDecimal confidence(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
