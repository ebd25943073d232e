package io.tierzero.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.routing.SupportAssignment;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.Requests;
import io.tierzero.support.TicketApi;
import io.tierzero.ticket.ProcessStep;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the SLA and follow-the-sun timer steps do to a ticket, on the real database. The timers themselves fire in
 * the process tests (engine clock); here each step runs as a redelivered or repeated job would run it.
 */
class SlaAndHandOffTest extends EmbeddedStackTest {

    @Autowired
    private SlaClock slaClock;

    @Autowired
    private SupportAssignment supportAssignment;

    private TicketApi api;

    @BeforeEach
    void api() {
        api = new TicketApi(http, "demo");
    }

    @Test
    void theAtRiskWarningAndTheBreachAreRecordedOnceWhateverTheTimersFire() {
        String ticketId = api.submit(Requests.passwordReset("SLA timers"));
        api.awaitOpenTask(ticketId);
        UUID id = UUID.fromString(ticketId);
        String elementBefore = jdbc.sql("select process_element_id from tickets where ticket_id = ?").param(id)
                .query(String.class).single();

        slaClock.warnAtRisk(id, new ProcessStep(1, "warn-sla-at-risk", 101));
        slaClock.warnAtRisk(id, new ProcessStep(1, "warn-sla-at-risk", 102));
        slaClock.recordBreach(id, new ProcessStep(1, "record-sla-breach", 103));
        slaClock.recordBreach(id, new ProcessStep(1, "record-sla-breach", 104));

        JsonNode view = api.ticket(ticketId);
        assertThat(TicketApi.actions(view).stream().filter("sla.at-risk"::equals)).hasSize(1);
        assertThat(TicketApi.actions(view).stream().filter("sla.breached"::equals)).hasSize(1);
        assertThat(view.path("ticket").path("slaBreached").asBoolean()).isTrue();
        assertThat(jdbc.sql("select process_element_id from tickets where ticket_id = ?").param(id).query(String.class)
                .single()).as("side branches do not move the restart point").isEqualTo(elementBefore);
    }

    @Test
    void whenTheShiftEndsTheTicketLeavesTheCentresQueue() {
        String ticketId = api.submit(Requests.passwordReset("Shift ends"));
        JsonNode task = api.awaitOpenTask(ticketId);
        api.claim(task, "agent.lisbon");

        supportAssignment.shiftEnded(UUID.fromString(ticketId), new ProcessStep(1, "hand-off-to-next-centre", 201));

        JsonNode cancelled = api.tasks("?state=cancelled").stream()
                .filter(t -> t.path("taskId").equals(task.path("taskId"))).findFirst().orElseThrow();
        assertThat(cancelled.path("endedAt").asText()).isNotBlank();
        // messages still being sent may append their events after it
        List<String> actions = TicketApi.actions(api.ticket(ticketId));
        assertThat(actions).contains("routing.shift-ended");
        assertThat(actions.indexOf("routing.shift-ended")).isGreaterThan(actions.indexOf("task.claimed"));
    }
}
