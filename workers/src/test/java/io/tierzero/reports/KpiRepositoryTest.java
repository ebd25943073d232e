package io.tierzero.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tierzero.audit.Actor;
import io.tierzero.audit.AuditEntry;
import io.tierzero.audit.AuditTrail;
import io.tierzero.reports.KpiOracle.TicketRow;
import io.tierzero.reports.KpiReport.Durations;
import io.tierzero.support.EmbeddedStackTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The KPI queries on the embedded PostgreSQL with tickets written row by row: known outcomes (automated, human,
 * open, outside the period, ping-pong) and timestamps chosen so that every definition's edge is crossed. The
 * expected figures are worked out by {@link KpiOracle} from the same rows.
 */
class KpiRepositoryTest extends EmbeddedStackTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Autowired
    private KpiRepository repository;
    @Autowired
    private KpiReports reports;
    @Autowired
    private RoiReports roiReports;
    @Autowired
    private AuditTrail auditTrail;
    @Autowired
    private TransactionTemplate transaction;

    private String tenant;
    private Instant now;
    private ReportWindow window;
    private int tickets;

    @BeforeEach
    void tenantWithKnownTickets() {
        tenant = "kpis-" + Long.toString(System.nanoTime(), 36);
        jdbc.sql("insert into tenants (tenant_id, name, service_tier, region) values (?, 'KPI test', 'gold', 'emea')")
                .param(tenant).update();
        now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        window = new ReportWindow(now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(1)));

        // automated: the playbook resolved it in 3 minutes, within target; closed since
        UUID automated = ticket("P3", "identity", ago(48), ago(48).plus(Duration.ofMinutes(3)), ago(40), false);
        execution(automated, "succeeded");
        jdbc.sql("update tickets set closed_at = ? where ticket_id = ?").params(at(ago(24)), automated).update();
        prediction(automated, "Identity Team", "Identity Team", ago(47));
        // automated although a line manager approved the action: approving is not handling
        UUID approved = ticket("P4", "identity", ago(24), ago(24).plus(Duration.ofMinutes(5)), ago(16), false);
        task(approved, "approve-automated-action", "completed", ago(24).plusSeconds(60), ago(24).plusSeconds(120));
        execution(approved, "succeeded");
        // automation failed, an agent resolved it after moving it Service Desk -> Network -> Service Desk
        UUID pingPong = ticket("P3", "network", ago(1), now.plus(HOUR.multipliedBy(3)), now.plus(HOUR.multipliedBy(7)), false);
        execution(pingPong, "failed");
        task(pingPong, "work-on-request", "completed", now, now.plus(HOUR.multipliedBy(3)));
        event(pingPong, "communication.queued", Map.of("template", "acknowledgement"));
        event(pingPong, "routing.assigned", Map.of("assignment_group", "Service Desk"));
        event(pingPong, "routing.assigned", Map.of("assignment_group", "Network Team"));
        event(pingPong, "routing.assigned", Map.of("assignment_group", "Service Desk"));
        event(pingPong, "escalation.functional", Map.of("fromTier", 1));
        event(pingPong, "task.claimed", Map.of());
        prediction(pingPong, "Service Desk", "Network Team", ago(1));
        // resolved by an agent after its target, breached; reassigned to the same group (a reopening): no ping-pong
        UUID late = ticket("P3", null, ago(120), ago(90), ago(96), true);
        task(late, "work-on-request", "completed", ago(119), ago(90));
        event(late, "routing.assigned", Map.of("assignment_group", "Service Desk"));
        event(late, "routing.assigned", Map.of("assignment_group", "Service Desk"));
        prediction(late, "Service Desk", "Service Desk", ago(119));
        // a playbook succeeded but an agent worked it afterwards: human; no resolution target
        UUID reworked = ticket("P2", "identity", ago(96), ago(94), null, false);
        execution(reworked, "succeeded");
        task(reworked, "work-on-request", "completed", ago(95), ago(94));
        // open, waiting in a queue, moved five times: ping-pong; only status notices sent, so no response yet
        UUID open = ticket("P1", "network", ago(6), null, now.plus(HOUR), false);
        task(open, "work-on-request", "open", null, null);
        event(open, "communication.queued", Map.of("template", "acknowledgement"));
        event(open, "communication.queued", Map.of("template", "escalated"));
        for (String group : List.of("A", "B", "C", "D", "E")) {
            event(open, "routing.assigned", Map.of("assignment_group", group));
        }
        prediction(open, "A", null, ago(6));
        // open, answered with a guide two hours after it came in
        UUID guided = ticket("P4", "network", ago(2), null, null, false);
        event(guided, "communication.queued", Map.of("template", "guide-vpn-access"));
        // created before the period, resolved in it: resolved and MTTR, not volume
        ticket("P5", "hardware", ago(12 * 24), ago(9 * 24), ago(8 * 24), false);
        // entirely before the period
        UUID old = ticket("P3", "identity", ago(20 * 24), ago(19 * 24), ago(19 * 24), false);
        execution(old, "succeeded");
        prediction(old, "Identity Team", "Identity Team", ago(20 * 24));
    }

    @Test
    void volumeAutomationAndSlaAttainmentFollowTheirDefinitions() {
        KpiOracle oracle = oracle();

        assertThat(repository.volume(tenant, window)).isEqualTo(new KpiReport.Volume(oracle.created().size(),
                oracle.resolved().size(), oracle.closed()));
        assertThat(repository.volume(tenant, window)).isEqualTo(new KpiReport.Volume(7, 6, 1));

        KpiReport.Automation automation = repository.automation(tenant, window);
        long automated = oracle.resolved().stream().filter(oracle::automated).count();
        assertThat(automated).as("the playbook-resolved and the approved one").isEqualTo(2);
        assertThat(automation).isEqualTo(new KpiReport.Automation(oracle.resolved().size(), automated,
                oracle.resolved().size() - automated, (double) automated / oracle.resolved().size()));

        KpiReport.SlaAttainment sla = repository.slaAttainment(tenant, window);
        List<TicketRow> withTarget = KpiOracle.where(oracle.resolved(), t -> t.resolutionMet() != null);
        long met = withTarget.stream().filter(oracle::slaMet).count();
        assertThat(sla.resolvedWithTarget()).isEqualTo(withTarget.size());
        assertThat(sla.met()).isEqualTo(met).isEqualTo(4);
        assertThat(sla.attainment()).isEqualTo((double) met / withTarget.size());
        assertThat(sla.resolvedWithoutTarget()).isEqualTo(oracle.resolved().size() - withTarget.size());
        for (KpiReport.PrioritySla priority : sla.byPriority()) {
            List<TicketRow> ofPriority = KpiOracle.where(withTarget, t -> priority.priority().equals(t.priority()));
            assertThat(priority.resolved()).as(priority.priority()).isEqualTo(ofPriority.size());
            assertThat(priority.met()).as(priority.priority()).isEqualTo(ofPriority.stream().filter(oracle::slaMet).count());
        }
        assertThat(sla.byPriority()).extracting(KpiReport.PrioritySla::priority).containsExactly("P3", "P4", "P5");
    }

    @Test
    void firstResponseAndResolutionTimesAreMediansAndPercentilesOfTheTickets() {
        KpiOracle oracle = oracle();

        KpiReport.FirstResponse firstResponse = repository.firstResponse(tenant, window);
        List<TicketRow> responded = KpiOracle.where(oracle.created(), t -> oracle.firstResponseSeconds(t) != null);
        assertThat(firstResponse.created()).isEqualTo(oracle.created().size());
        assertThat(firstResponse.responded()).as("all but the open one with status notices only")
                .isEqualTo(responded.size()).isEqualTo(oracle.created().size() - 1);
        assertDurations(firstResponse.times().all(), responded, oracle::firstResponseSeconds);
        assertDurations(firstResponse.times().automated(), KpiOracle.where(responded, oracle::automated),
                oracle::firstResponseSeconds);
        assertDurations(firstResponse.times().human(), KpiOracle.where(responded, t -> !oracle.automated(t)),
                oracle::firstResponseSeconds);
        TicketRow pingPong = oracle.created().stream().filter(t -> "network".equals(t.category())
                && t.resolvedAt() != null).findFirst().orElseThrow();
        assertThat(oracle.firstResponseSeconds(pingPong)).as("the agent's claim, not the acknowledgement")
                .isBetween(3600.0, 3600.0 + 60);

        KpiReport.ResolutionTimes times = repository.resolutionTimes(tenant, window);
        List<TicketRow> resolved = oracle.resolved();
        assertDurations(times.overall().all(), resolved, KpiOracle::resolutionSeconds);
        assertDurations(times.overall().automated(), KpiOracle.where(resolved, oracle::automated),
                KpiOracle::resolutionSeconds);
        assertDurations(times.overall().human(), KpiOracle.where(resolved, t -> !oracle.automated(t)),
                KpiOracle::resolutionSeconds);
        assertThat(times.byPriority()).extracting(KpiReport.PriorityTimes::priority)
                .containsExactly("P2", "P3", "P4", "P5");
        for (KpiReport.PriorityTimes priority : times.byPriority()) {
            Predicate<TicketRow> ofPriority = t -> priority.priority().equals(t.priority());
            assertDurations(priority.all(), KpiOracle.where(resolved, ofPriority), KpiOracle::resolutionSeconds);
            assertDurations(priority.automated(), KpiOracle.where(resolved, ofPriority.and(oracle::automated)),
                    KpiOracle::resolutionSeconds);
            assertDurations(priority.human(), KpiOracle.where(resolved, ofPriority.and(t -> !oracle.automated(t))),
                    KpiOracle::resolutionSeconds);
        }
        assertThat(times.byCategory()).extracting(KpiReport.CategoryTimes::category)
                .containsExactly("hardware", "identity", "network", KpiRepository.UNSET);
        for (KpiReport.CategoryTimes category : times.byCategory()) {
            Predicate<TicketRow> ofCategory = t -> category.category()
                    .equals(t.category() == null ? KpiRepository.UNSET : t.category());
            assertDurations(category.all(), KpiOracle.where(resolved, ofCategory), KpiOracle::resolutionSeconds);
            assertDurations(category.automated(), KpiOracle.where(resolved, ofCategory.and(oracle::automated)),
                    KpiOracle::resolutionSeconds);
            assertDurations(category.human(), KpiOracle.where(resolved, ofCategory.and(t -> !oracle.automated(t))),
                    KpiOracle::resolutionSeconds);
        }
    }

    @Test
    void escalationPingPongAndHandlingComeFromTheTrailAndTheTasks() {
        KpiOracle oracle = oracle();
        List<TicketRow> created = oracle.created();

        KpiReport.Escalation escalation = repository.escalation(tenant, window);
        long toPeople = created.stream().filter(oracle::handedToPeople).count();
        long toHigherTier = created.stream().filter(oracle::escalatedToHigherTier).count();
        assertThat(escalation.tickets()).isEqualTo(created.size());
        assertThat(escalation.handedToPeople()).isEqualTo(toPeople).isEqualTo(4);
        assertThat(escalation.rate()).isEqualTo((double) toPeople / created.size());
        assertThat(escalation.escalatedToHigherTier()).isEqualTo(toHigherTier).isEqualTo(1);
        assertThat(escalation.automationAttempted()).isEqualTo(4);
        assertThat(escalation.automationHandedToPeople()).as("the failed one and the reworked one").isEqualTo(2);

        KpiReport.Reassignment reassignment = repository.reassignment(tenant, window);
        long pingPong = created.stream().filter(oracle::pingPong).count();
        assertThat(pingPong).as("back to Service Desk, and A to E").isEqualTo(2);
        assertThat(reassignment).isEqualTo(new KpiReport.Reassignment(created.size(),
                created.stream().filter(t -> oracle.groupsOf(t).size() > 1).count(), pingPong,
                (double) pingPong / created.size(), KpiRepository.MAX_REASSIGNMENTS));

        Durations handling = repository.humanHandling(tenant, window);
        List<Double> minutes = oracle.handlingMinutesPerTicket();
        assertThat(handling.count()).isEqualTo(minutes.size()).isEqualTo(3);
        assertThat(handling.meanSeconds() / 60).isCloseTo(KpiOracle.mean(minutes), within(1e-6));
    }

    @Test
    void modelAccuracyIsTheDriftReportsOverTheDaysOfThePeriod() {
        KpiReport.ModelAccuracy accuracy = reports.report(tenant, window).modelAccuracy();

        List<Map<String, Object>> predictions = jdbc.sql("""
                        select predicted_group, actual_group from triage_predictions
                        where tenant_id = ? and predicted_at >= ?""")
                .params(tenant, Timestamp.from(window.from().truncatedTo(ChronoUnit.DAYS))).query().listOfRows();
        long outcomes = predictions.stream().filter(p -> p.get("actual_group") != null).count();
        long correct = predictions.stream().filter(p -> p.get("predicted_group").equals(p.get("actual_group"))).count();
        assertThat(accuracy.predictions()).isEqualTo(predictions.size()).isEqualTo(4);
        assertThat(accuracy.outcomes()).isEqualTo(outcomes).isEqualTo(3);
        assertThat(accuracy.correct()).isEqualTo(correct).isEqualTo(2);
        assertThat(accuracy.accuracy()).isEqualTo((double) correct / outcomes);
        assertThat(accuracy.byModelVersion()).singleElement()
                .satisfies(version -> assertThat(version.modelVersion()).isEqualTo("kpi-test-model"));
    }

    @Test
    void theRoiScalesThePeriodToAMonthAndPricesTheAutomatedTicketsAtTheirOwnCost() {
        KpiOracle oracle = oracle();
        RoiReport roi = roiReports.report(tenant, window);

        double monthlyVolume = oracle.created().size() * (30.4375 / 11);
        double automationRate = (double) oracle.resolved().stream().filter(oracle::automated).count()
                / oracle.resolved().size();
        double handlingHours = KpiOracle.mean(oracle.handlingMinutesPerTicket()) / 60;
        RoiInputs defaults = RoiInputs.DEFAULTS;
        double hourlyCost = defaults.hourlyCost().doubleValue();
        assertThat(roi.variables().monthlyVolume()).isEqualTo(RoiReport.Figure.measured(roi.variables().monthlyVolume().value()));
        assertThat(roi.variables().monthlyVolume().value()).isCloseTo(monthlyVolume, within(1e-9));
        assertThat(roi.variables().automationRate()).isEqualTo(RoiReport.Figure.measured(automationRate));
        assertThat(roi.variables().escalationRate()).isEqualTo(RoiReport.Figure.measured(4.0 / 7));
        assertThat(roi.variables().handlingMinutes().source()).isEqualTo(RoiReport.MEASURED);
        assertThat(roi.variables().handlingMinutes().value()).isCloseTo(handlingHours * 60, within(1e-6));
        assertThat(roi.variables().hourlyCost()).isEqualTo(RoiReport.Figure.input(hourlyCost));
        assertThat(roi.currency()).isEqualTo(defaults.currency());

        double without = monthlyVolume * handlingHours * hourlyCost;
        double with = monthlyVolume * (1 - automationRate) * handlingHours * hourlyCost
                + monthlyVolume * automationRate * defaults.costPerAutomatedTicket().doubleValue();
        assertThat(roi.savings().monthlyCostWithoutTierZero()).isCloseTo(without, within(1e-6));
        assertThat(roi.savings().monthlyCostWithTierZero()).isCloseTo(with, within(1e-6));
        assertThat(roi.savings().costSavedPerMonth()).isCloseTo(without - with, within(1e-6)).isPositive();
        assertThat(roi.savings().engineerHoursSavedPerMonth())
                .isCloseTo(monthlyVolume * automationRate * handlingHours, within(1e-6));
    }

    @Test
    void anEmptyPeriodHasZeroCountsAndNoRates() {
        ReportWindow empty = new ReportWindow(now.minus(Duration.ofDays(300)), now.minus(Duration.ofDays(200)));
        KpiReport report = reports.report(tenant, empty);

        assertThat(report.volume()).isEqualTo(new KpiReport.Volume(0, 0, 0));
        assertThat(report.automation().rate()).isNull();
        assertThat(report.firstResponse().times().all()).isEqualTo(Durations.NONE);
        assertThat(report.resolutionTimes().byPriority()).isEmpty();
        assertThat(report.slaAttainment().attainment()).isNull();
        assertThat(report.escalation().rate()).isNull();
        assertThat(report.reassignment().pingPongRate()).isNull();
        assertThat(report.modelAccuracy().accuracy()).isNull();
        RoiReport roi = roiReports.report(tenant, empty);
        assertThat(roi.variables().handlingMinutes()).as("nothing measured: the input")
                .isEqualTo(RoiReport.Figure.input(RoiInputs.DEFAULTS.handlingMinutes().doubleValue()));
        assertThat(roi.savings().costSavedPerMonth()).isZero();
    }

    private static void assertDurations(Durations actual, List<TicketRow> tickets,
            java.util.function.Function<TicketRow, Double> seconds) {
        if (tickets.isEmpty()) {
            assertThat(actual).isEqualTo(Durations.NONE);
            return;
        }
        List<Double> values = tickets.stream().map(seconds).toList();
        assertThat(actual.count()).isEqualTo(values.size());
        assertThat(actual.meanSeconds()).isCloseTo(KpiOracle.mean(values), within(1e-3));
        assertThat(actual.medianSeconds()).isCloseTo(KpiOracle.percentile(values, 0.5), within(1e-3));
        assertThat(actual.p90Seconds()).isCloseTo(KpiOracle.percentile(values, 0.9), within(1e-3));
    }

    private KpiOracle oracle() {
        return new KpiOracle(jdbc, tenant, window.from(), window.to());
    }

    private Instant ago(long hours) {
        return now.minus(HOUR.multipliedBy(hours));
    }

    private UUID ticket(String priority, String category, Instant createdAt, Instant resolvedAt, Instant dueAt,
            boolean breached) {
        UUID ticketId = UUID.randomUUID();
        jdbc.sql("""
                        insert into tickets (tenant_id, ticket_id, reference_number, kind, channel, requester_id, region,
                            subject, body, impact, urgency, priority, category, state, created_at, resolved_at,
                            resolution_due_at, sla_breached, first_resolved_at, resolution_met)
                        values (?, ?, ?, 'service_request', 'portal', 'ana.silva', 'emea', 'KPI test', 'KPI test',
                                'low', 'low', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant, ticketId, tenant.toUpperCase() + "-" + ++tickets, priority, category,
                        resolvedAt == null ? "assigned" : "resolved", at(createdAt), at(resolvedAt), at(dueAt), breached,
                        at(resolvedAt), verdict(resolvedAt, dueAt, breached))
                .update();
        return ticketId;
    }

    /** The resolution verdict the SLA engine records: none without a target or before the resolution. */
    private static Boolean verdict(Instant resolvedAt, Instant dueAt, boolean breached) {
        return resolvedAt == null || dueAt == null ? null : !breached && !resolvedAt.isAfter(dueAt);
    }

    private void task(UUID ticketId, String formId, String state, Instant claimedAt, Instant endedAt) {
        jdbc.sql("""
                        insert into human_tasks (tenant_id, task_id, ticket_id, element_id, name, candidate_group,
                            form_id, job_key, process_instance_key, state, assignee, claimed_at, ended_at)
                        values (?, ?, ?, ?, 'KPI test task', 'Service Desk', ?, 1, 1, ?, ?, ?, ?)""")
                .params(tenant, UUID.randomUUID(), ticketId, formId, formId, state,
                        claimedAt == null ? null : "agent.rita", at(claimedAt), at(endedAt))
                .update();
    }

    private void execution(UUID ticketId, String state) {
        jdbc.sql("""
                        insert into playbook_executions (tenant_id, execution_id, ticket_id, idempotency_key,
                            playbook_id, playbook_version, runbook_id, mode, state, inputs, input_digest)
                        values (?, ?, ?, ?, 'password-reset', '1', 'password-reset', 'live', ?, '{}'::jsonb, 'x')""")
                .params(tenant, UUID.randomUUID(), ticketId, UUID.randomUUID().toString(), state)
                .update();
    }

    private void event(UUID ticketId, String action, Map<String, ?> payload) {
        transaction.executeWithoutResult(status -> auditTrail.append(new AuditEntry(tenant, ticketId, action, null,
                null, Actor.PROCESS, "KPI test", null, null, null, payload)));
    }

    private void prediction(UUID ticketId, String predicted, String actual, Instant predictedAt) {
        jdbc.sql("""
                        insert into triage_predictions (tenant_id, ticket_id, model_version, predicted_group,
                            group_confidence, automation_decision, shadow, predicted_at, actual_group)
                        values (?, ?, 'kpi-test-model', ?, 0.9, 'human', false, ?, ?)""")
                .params(tenant, ticketId, predicted, at(predictedAt), actual)
                .update();
    }

    private static Timestamp at(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
