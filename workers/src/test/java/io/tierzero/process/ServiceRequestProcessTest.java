package io.tierzero.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static io.tierzero.process.ProcessDriver.HEADER_CANDIDATE_GROUPS;
import static io.tierzero.process.ProcessDriver.HEADER_FORM_KEY;
import static io.tierzero.process.ProcessDriver.routing;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ZeebeProcessTest
class ServiceRequestProcessTest {

    private ZeebeTestEngine engine;
    private ZeebeClient client;
    private ProcessDriver driver;

    @BeforeEach
    void deploy() {
        driver = new ProcessDriver(client, engine).deployAll();
    }

    private ProcessInstanceEvent start() {
        return driver.start("service-request", Map.of());
    }

    /** Human path from the automation gateway to the first work-on-request task; returns the user task job. */
    private ActivatedJob reachWorkTask(String category) {
        driver.triage(category, 0.9, null, 0.0);
        driver.assign(Duration.ofDays(30));
        return driver.userTask("work-on-request");
    }

    private void confirmAndClose(ProcessInstanceEvent instance, boolean viaSupport) {
        driver.complete("communication.request-confirmation");
        assertThat(instance).isWaitingForMessages("requester-answered");
        driver.publish("requester-answered", Map.of("requesterConfirmed", true));
        ActivatedJob close = driver.complete("ticket.close");
        assertThat(close.getElementId()).isEqualTo("close-request");
        assertThat(close.getVariablesAsMap()).containsEntry("closeReason", "confirmed-by-requester");
        driver.complete("knowledge.index-resolved");
        assertThat(instance).isCompleted().hasPassedElement("add-to-knowledge-base").hasPassedElement("request-closed");
    }

    /** Triage that decides to automate, and a playbook of the given declared risk and approval. */
    private ProcessInstanceEvent automated(String actionRisk, String runbookApproval) {
        ProcessInstanceEvent instance = start();
        driver.triage("identity", 0.95, "rb-password-reset", 0.91);
        assertThat(instance).hasVariableWithValue("automationDecision", "automate");
        driver.complete("remediation.prepare-playbook", Map.of("playbookReady", true, "playbookId", "password-reset",
                "playbookVersion", "1.0", "actionRisk", actionRisk, "runbookApproval", runbookApproval));
        return instance;
    }

    @Test
    void automatedRemediationResolvedAndConfirmedClosesTheRequest() {
        ProcessInstanceEvent instance = automated("low", "none");
        assertThat(instance).hasVariableWithValue("priority", "P2");
        assertThat(instance).hasVariableWithValue("slaTargets", Map.of("responseMinutes", 30, "resolutionMinutes", 480, "clock", "24x7"));
        driver.complete("remediation.run-playbook", Map.of("remediationOutcome", "resolved"));
        driver.complete("communication.notify-automation-result");
        confirmAndClose(instance, false);
        assertThat(instance).hasPassedElementsInOrder("acknowledge-request", "classify-request", "find-runbooks",
                        "determine-priority", "determine-sla-targets", "start-sla-clock", "decide-automation",
                        "prepare-playbook", "determine-approval", "run-remediation", "notify-automation-result",
                        "request-confirmation", "requester-answered", "close-request")
                .hasNotPassedElement("approve-automated-action")
                .hasNotPassedElement("resolve-with-support-team")
                .hasNotPassedElement("record-resolution");
    }

    @ParameterizedTest
    @ValueSource(strings = {"failed", "unavailable", "dry-run"})
    void remediationThatDoesNotResolveFallsBackToTheSupportTeam(String outcome) {
        ProcessInstanceEvent instance = automated("medium", "none");
        driver.complete("remediation.run-playbook", Map.of("remediationOutcome", outcome));
        ActivatedJob assign = driver.assign(Duration.ofDays(30));
        assertThat(routing(assign)).containsEntry("assignmentGroup", "L1-service-desk");
        driver.userTask("work-on-request");
        assertThat(instance).isWaitingAtElements("work-on-request").hasPassedElement("route-to-support-group");
        driver.assertNoJob("communication.request-confirmation");
    }

    @Test
    void aPlaybookThatIsNotReadyLeavesTheTicketToPeople() {
        ProcessInstanceEvent instance = start();
        driver.triage("identity", 0.95, "rb-password-reset", 0.91);
        driver.complete("remediation.prepare-playbook", Map.of("playbookReady", false));
        driver.assertNoJob("remediation.run-playbook");
        driver.assign(Duration.ofDays(30));
        driver.userTask("work-on-request");
        assertThat(instance).hasNotPassedElement("determine-approval");
    }

    @Test
    void anApprovedActionRunsAfterTheApproverOfTheRunbookSaidYes() {
        ProcessInstanceEvent instance = automated("medium", "line-manager");
        driver.assertNoJob("remediation.run-playbook");
        ActivatedJob approval = driver.userTask("approve-automated-action");
        assertThat(approval.getCustomHeaders()).containsEntry(HEADER_CANDIDATE_GROUPS, "[\"line-manager\"]");
        driver.complete(approval, Map.of("approvalDecision", "approve", "approvedBy", "lena.manager"));
        ActivatedJob run = driver.complete("remediation.run-playbook", Map.of("remediationOutcome", "resolved"));
        assertThat(run.getVariablesAsMap()).containsEntry("approvedBy", "lena.manager");
        driver.complete("communication.notify-automation-result");
        confirmAndClose(instance, false);
    }

    @Test
    void aRefusedActionNeverRunsAndPeopleTakeOver() {
        ProcessInstanceEvent instance = automated("high", "none");
        ActivatedJob approval = driver.userTask("approve-automated-action");
        assertThat(approval.getCustomHeaders()).containsEntry(HEADER_CANDIDATE_GROUPS, "[\"change-manager\"]");
        driver.complete(approval, Map.of("approvalDecision", "refuse", "approvalComment", "Not during the freeze"));
        driver.assertNoJob("remediation.run-playbook");
        driver.assign(Duration.ofDays(30));
        driver.userTask("work-on-request");
        assertThat(instance).hasNotPassedElement("run-remediation");
    }

    @Test
    void aPasswordResetWaitsForTheRequesterThenAsksForConfirmation() {
        ProcessInstanceEvent instance = automated("medium", "none");
        driver.complete("remediation.run-playbook", Map.of("remediationOutcome", "awaiting-requester",
                "awaitRequesterFor", "PT35M"));
        assertThat(instance).isWaitingForMessages("requester-action-completed");
        driver.publish("requester-action-completed", Map.of("remediationOutcome", "resolved"));
        driver.complete("communication.notify-automation-result");
        confirmAndClose(instance, false);
        assertThat(instance).hasPassedElement("wait-for-requester-action");
    }

    @Test
    void aRequesterWhoseIdentityWasNotVerifiedGetsAPerson() {
        automated("medium", "none");
        driver.complete("remediation.run-playbook", Map.of("remediationOutcome", "awaiting-requester",
                "awaitRequesterFor", "PT35M"));
        driver.publish("requester-action-completed", Map.of("remediationOutcome", "failed"));
        driver.assertNoJob("communication.notify-automation-result");
        driver.assign(Duration.ofDays(30));
        driver.userTask("work-on-request");
    }

    @Test
    void anUnusedLinkExpiresAndAPersonTakesOver() {
        ProcessInstanceEvent instance = automated("medium", "none");
        driver.complete("remediation.run-playbook", Map.of("remediationOutcome", "awaiting-requester",
                "awaitRequesterFor", "PT35M"));
        driver.advance(Duration.ofMinutes(36));
        driver.assign(Duration.ofDays(30));
        driver.userTask("work-on-request");
        assertThat(instance).hasPassedElement("requester-action-timeout");
    }

    @Test
    void assistDecisionGoesStraightToTheSupportTeam() {
        ProcessInstanceEvent instance = start();
        driver.triage("identity", 0.65, "rb-password-reset", 0.7);
        assertThat(instance).hasVariableWithValue("automationDecision", "assist");
        driver.assertNoJob("remediation.run-playbook");
        driver.assign(Duration.ofDays(30));
        driver.userTask("work-on-request");
        assertThat(instance).hasNotPassedElement("run-remediation");
    }

    @Test
    void humanPathResolvedThenConfirmedIsClosed() {
        ProcessInstanceEvent instance = start();
        ActivatedJob work = reachWorkTask("end-user");
        assertThat(instance).hasVariableWithValue("automationDecision", "human");
        // job-based user task: candidate groups and the linked form travel as custom headers
        assertThat(work.getCustomHeaders()).containsEntry(HEADER_CANDIDATE_GROUPS, "[\"L1-service-desk\"]");
        assertThat(work.getCustomHeaders()).containsEntry(HEADER_FORM_KEY, String.valueOf(driver.formKey("work-on-request")));
        assertThat(work.getCustomHeaders()).containsOnlyKeys(HEADER_CANDIDATE_GROUPS, HEADER_FORM_KEY);
        assertThat(work.getVariablesAsMap()).containsEntry("subject", "Cannot log in");

        driver.complete(work, Map.of("resolution", "resolved", "resolutionNotes", "Replaced toner"));
        driver.complete("ticket.resolve");
        driver.complete("communication.notify-resolution");
        confirmAndClose(instance, true);
        assertThat(instance).hasNotPassedElement("reopen-request").hasPassedElementsInOrder("work-on-request", "support-resolved", "record-resolution",
                "request-confirmation", "close-request");
    }

    @Test
    void noAnswerWithinTheConfirmationPeriodClosesByPolicy() {
        ProcessInstanceEvent instance = start();
        driver.complete(reachWorkTask("end-user"), Map.of("resolution", "resolved", "resolutionNotes", "done"));
        driver.complete("ticket.resolve");
        driver.complete("communication.notify-resolution");
        driver.complete("communication.request-confirmation");
        driver.advance(Duration.ofHours(71));
        driver.assertNoJob("ticket.close");
        driver.advance(Duration.ofHours(1).plusMinutes(1));
        ActivatedJob close = driver.complete("ticket.close");
        assertThat(close.getElementId()).isEqualTo("close-request-by-policy");
        assertThat(close.getVariablesAsMap()).containsEntry("closeReason", "confirmation-timeout");
        assertThat(instance).isCompleted().hasPassedElement("request-closed-by-policy").hasNotPassedElement("requester-answered");
    }

    @Test
    void requesterSaysNoReopensAndTheSupportTeamWorksItAgain() {
        ProcessInstanceEvent instance = start();
        driver.complete(reachWorkTask("network"), Map.of("resolution", "resolved", "resolutionNotes", "rebooted"));
        driver.complete("ticket.resolve");
        driver.complete("communication.notify-resolution");
        driver.complete("communication.request-confirmation");
        driver.publish("requester-answered", Map.of("requesterConfirmed", false));
        driver.complete("ticket.reopen", Map.of("supportTier", 1));
        driver.assign(Duration.ofDays(30));
        ActivatedJob again = driver.userTask("work-on-request");
        assertThat(instance).hasPassedElement("reopen-request").hasPassedElement("work-on-request", 1)
                .isWaitingAtElements("work-on-request");
        driver.complete(again, Map.of("resolution", "resolved", "resolutionNotes", "replaced the switch"));
        driver.complete("ticket.resolve");
        driver.complete("communication.notify-resolution");
        confirmAndClose(instance, true);
        assertThat(instance).hasPassedElement("work-on-request", 2).hasPassedElement("request-confirmation", 2);
    }

    @Test
    void escalationGoesFromL1ToL2ToL3AndStaysAtL3() {
        ProcessInstanceEvent instance = start();
        ActivatedJob work = reachWorkTask("network");
        assertThat(work.getCustomHeaders()).containsEntry(HEADER_CANDIDATE_GROUPS, "[\"L1-service-desk\"]");

        driver.complete(work, Map.of("resolution", "escalate", "escalationReason", "needs firewall change"));
        ActivatedJob escalate = driver.complete("escalation.escalate-tier", Map.of("supportTier", 2));
        assertThat(escalate.getVariablesAsMap()).containsEntry("supportTier", 1);
        ActivatedJob assignL2 = driver.assign(Duration.ofDays(30));
        assertThat(routing(assignL2)).containsEntry("assignmentGroup", "L2-network");
        work = driver.userTask("work-on-request");
        assertThat(work.getCustomHeaders()).containsEntry(HEADER_CANDIDATE_GROUPS, "[\"L2-network\"]");

        driver.complete(work, Map.of("resolution", "escalate", "escalationReason", "vendor bug"));
        driver.complete("escalation.escalate-tier", Map.of("supportTier", 3));
        ActivatedJob assignL3 = driver.assign(Duration.ofDays(30));
        assertThat(routing(assignL3)).containsEntry("assignmentGroup", "L3-engineering");
        work = driver.userTask("work-on-request");
        assertThat(work.getCustomHeaders()).containsEntry(HEADER_CANDIDATE_GROUPS, "[\"L3-engineering\"]");

        // at tier 3 there is nowhere to escalate: back to the same work task, no escalation job, no re-routing
        driver.complete(work, Map.of("resolution", "escalate", "escalationReason", "still broken"));
        driver.assertNoJob("escalation.escalate-tier");
        driver.assertNoJob("ticket.assign");
        work = driver.userTask("work-on-request");
        assertThat(work.getCustomHeaders()).containsEntry(HEADER_CANDIDATE_GROUPS, "[\"L3-engineering\"]");
        assertThat(instance).hasPassedElement("escalate-tier", 2).hasPassedElement("route-to-support-group", 3)
                .hasPassedElement("work-on-request", 3).hasPassedElement("can-escalate", 3);
    }

    @Test
    void slaWarningFiresWhileTheWorkTaskStaysActive() {
        ProcessInstanceEvent instance = start();
        reachWorkTask("identity"); // warning due in 2 h, breach in 8 h
        driver.advance(Duration.ofMinutes(110));
        driver.assertNoJob("sla.warn");
        driver.advance(Duration.ofMinutes(11));
        ActivatedJob warn = driver.complete("sla.warn");
        assertThat(warn.getElementId()).isEqualTo("warn-sla-at-risk");
        driver.assertNoJob("sla.record-breach");
        assertThat(instance).isWaitingAtElements("work-on-request").hasPassedElement("sla-warning-sent")
                .isNotCompleted();
    }

    @Test
    void slaBreachIsRecordedWhileTheWorkTaskStaysActive() {
        ProcessInstanceEvent instance = start();
        ActivatedJob work = reachWorkTask("identity");
        driver.advance(Duration.ofHours(8).plusMinutes(1));
        driver.complete("sla.warn");
        ActivatedJob breach = driver.complete("sla.record-breach");
        assertThat(breach.getElementId()).isEqualTo("record-sla-breach");
        assertThat(instance).isWaitingAtElements("work-on-request").hasPassedElement("sla-breach-recorded");
        // the original user task job is still the live one
        driver.complete(work, Map.of("resolution", "resolved", "resolutionNotes", "done"));
        driver.complete("ticket.resolve");
        driver.complete("communication.notify-resolution");
        assertThat(instance).isWaitingAtElements("request-confirmation");
    }

    @Test
    void pendingCustomerPausesTheClockAndResumesOnTheCustomersReply() {
        ProcessInstanceEvent instance = start();
        driver.complete(reachWorkTask("access"), Map.of("resolution", "pending-customer", "resolutionNotes", "asked for the share path"));
        driver.complete("sla.pause-clock");
        assertThat(instance).isWaitingAtElements("wait-for-customer").isWaitingForMessages("customer-responded");
        // the SLA timers are not armed while waiting for the customer
        driver.advance(Duration.ofHours(9));
        driver.assertNoJob("sla.warn");
        driver.publish("customer-responded", Map.of("customerReply", "\\\\fs01\\finance"));
        ActivatedJob resume = driver.complete("sla.resume-clock",
                Map.of("slaWarningAt", driver.in(Duration.ofHours(2)), "slaBreachAt", driver.in(Duration.ofHours(6))));
        assertThat(resume.getVariablesAsMap()).containsEntry("customerReply", "\\\\fs01\\finance");
        driver.assign(Duration.ofDays(30));
        driver.userTask("work-on-request");
        assertThat(instance).hasPassedElement("work-on-request", 1).isWaitingAtElements("work-on-request")
                .hasPassedElementsInOrder("support-pending-customer", "pause-sla-clock", "wait-for-customer", "resume-sla-clock");
    }

    @Test
    void noCustomerResponseWithinThePeriodClosesTheRequest() {
        ProcessInstanceEvent instance = start();
        driver.complete(reachWorkTask("access"), Map.of("resolution", "pending-customer", "resolutionNotes", "need approval"));
        driver.complete("sla.pause-clock");
        driver.advance(Duration.ofHours(119));
        driver.assertNoJob("ticket.close");
        driver.advance(Duration.ofHours(1).plusMinutes(1));
        ActivatedJob close = driver.complete("ticket.close");
        assertThat(close.getElementId()).isEqualTo("close-unresponsive-request");
        assertThat(close.getVariablesAsMap()).containsEntry("closeReason", "no-customer-response");
        assertThat(instance).isCompleted().hasPassedElement("request-closed-no-response")
                .hasNotPassedElement("resume-sla-clock");
    }

    @Test
    void followTheSunHandsOffWhenTheShiftEnds() {
        // FEEL now() is in the JVM's default zone: the routing input mapping must convert it to UTC itself
        java.util.TimeZone original = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Manila")); // UTC+8 all year: exactly one shift away
        try {
            followTheSun();
        } finally {
            java.util.TimeZone.setDefault(original);
        }
    }

    private void followTheSun() {
        ProcessInstanceEvent instance = start();
        driver.slaWarnIn = Duration.ofDays(20);
        driver.slaBreachIn = Duration.ofDays(30);
        driver.triage("infrastructure", 0.9, null, 0.0);
        int hourBefore = driver.utcHour();
        ActivatedJob firstAssign = driver.assign(Duration.ofHours(8));
        int hourAfter = driver.utcHour();
        String firstCentre = (String) routing(firstAssign).get("supportCentre");
        assertThat(firstCentre).isIn(ProcessDriver.supportCentreFor(hourBefore), ProcessDriver.supportCentreFor(hourAfter));
        driver.userTask("work-on-request");

        driver.advance(Duration.ofHours(8).plusMinutes(1));
        driver.complete("routing.hand-off");
        int handOffHour = driver.utcHour();
        ActivatedJob secondAssign = driver.assign(Duration.ofHours(8));
        String secondCentre = (String) routing(secondAssign).get("supportCentre");
        // FEEL now() follows the engine clock: 8 hours later the next centre is on shift
        assertThat(secondCentre).isEqualTo(ProcessDriver.supportCentreFor(handOffHour)).isNotEqualTo(firstCentre);
        driver.userTask("work-on-request");
        assertThat(instance).hasPassedElement("shift-ends").hasPassedElement("hand-off-to-next-centre")
                .hasPassedElement("route-to-support-group", 2).isWaitingAtElements("work-on-request");
    }
}
