package io.tierzero.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static io.tierzero.process.ProcessDriver.HEADER_CANDIDATE_GROUPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The app re-drives tickets after a restart (the in-memory engine keeps nothing) by creating a new instance with
 * start instructions "before element X" and the ticket's variables only. These tests pin which element ids work.
 */
@ZeebeProcessTest
class ServiceRequestRestartTest {

    private ZeebeTestEngine engine;
    private ZeebeClient client;
    private ProcessDriver driver;

    @BeforeEach
    void deploy() {
        driver = new ProcessDriver(client, engine).deployAll();
    }

    /** The variables the app would restore from its ticket store. */
    private Map<String, Object> restoredVariables() {
        Map<String, Object> vars = new HashMap<>(driver.startVariables());
        vars.put("category", "network");
        vars.put("supportTier", 2);
        vars.put("priority", "P3");
        vars.put("routing", Map.of("assignmentGroup", "L2-network", "supportCentre", "emea-lisbon"));
        vars.put("slaWarningAt", driver.in(Duration.ofHours(1)));
        vars.put("slaBreachAt", driver.in(Duration.ofHours(3)));
        vars.put("shiftEndsAt", driver.in(Duration.ofHours(6)));
        return vars;
    }

    private ProcessInstanceEvent restartBefore(String elementId, Map<String, Object> vars) {
        ProcessInstanceEvent event = client.newCreateInstanceCommand().bpmnProcessId("service-request").latestVersion()
                .variables(vars).startBeforeElement(elementId).send().join();
        driver.idle();
        return event;
    }

    @Test
    void restartBeforeWorkOnRequestLandsOnTheUserTaskWithSlaAndShiftTimersArmed() {
        ProcessInstanceEvent instance = restartBefore("work-on-request", restoredVariables());
        ActivatedJob work = driver.userTask("work-on-request");
        assertThat(work.getCustomHeaders()).containsEntry(HEADER_CANDIDATE_GROUPS, "[\"L2-network\"]");
        assertThat(instance).isWaitingExactlyAtElements("resolve-with-support-team", "work-on-request").hasNotPassedElement("acknowledge-request")
                .hasNotPassedElement("route-to-support-group").hasNoIncidents();

        driver.advance(Duration.ofHours(1).plusMinutes(1));
        driver.complete("sla.warn");
        driver.advance(Duration.ofHours(2));
        driver.complete("sla.record-breach");
        assertThat(instance).isWaitingAtElements("work-on-request");
        driver.advance(Duration.ofHours(3));
        driver.complete("routing.hand-off");
        driver.assign(Duration.ofHours(8));
        driver.userTask("work-on-request");
    }

    @Test
    void restartBeforeTheSubprocessReRoutesAndReassigns() {
        Map<String, Object> vars = restoredVariables();
        vars.remove("routing");
        ProcessInstanceEvent instance = restartBefore("resolve-with-support-team", vars);
        ActivatedJob assign = driver.assign(Duration.ofDays(30));
        assertThat(ProcessDriver.routing(assign)).containsEntry("assignmentGroup", "L2-network");
        driver.userTask("work-on-request");
        driver.advance(Duration.ofHours(1).plusMinutes(1));
        driver.complete("sla.warn");
        assertThat(instance).isWaitingAtElements("work-on-request").hasPassedElement("support-work-started");
    }

    @Test
    void restartDuringAnApprovalPreparesThePlaybookAgainAndAsksTheSameApprover() {
        Map<String, Object> vars = restoredVariables();
        vars.put("runbookId", "mailbox-access");
        ProcessInstanceEvent instance = restartBefore("prepare-playbook", vars);
        ActivatedJob prepare = driver.complete("remediation.prepare-playbook", Map.of("playbookReady", true,
                "actionRisk", "medium", "runbookApproval", "line-manager", "sensitiveAccess", false));
        assertThat(prepare.getVariablesAsMap()).containsEntry("runbookId", "mailbox-access");
        assertThat(driver.userTask("approve-automated-action").getCustomHeaders())
                .containsEntry(HEADER_CANDIDATE_GROUPS, "[\"line-manager\"]");
        assertThat(instance).hasNoIncidents();
    }

    @Test
    void restartBeforeWaitForCustomerWaitsForTheReplyWithTheTimeoutArmed() {
        ProcessInstanceEvent instance = restartBefore("wait-for-customer", restoredVariables());
        assertThat(instance).isWaitingExactlyAtElements("wait-for-customer").isWaitingForMessages("customer-responded");
        driver.publish("customer-responded", Map.of("customerReply", "it works again"));
        driver.complete("sla.resume-clock", Map.of("slaWarningAt", driver.in(Duration.ofHours(1)),
                "slaBreachAt", driver.in(Duration.ofHours(2))));
        driver.assign(Duration.ofDays(1));
        driver.userTask("work-on-request");
        assertThat(instance).hasPassedElement("resume-sla-clock");
    }

    @Test
    void restartBeforeWaitForCustomerClosesWhenTheCustomerResponsePeriodElapses() {
        ProcessInstanceEvent instance = restartBefore("wait-for-customer", restoredVariables());
        driver.advance(Duration.ofHours(120).plusMinutes(1));
        assertThat(driver.complete("ticket.close").getElementId()).isEqualTo("close-unresponsive-request");
        assertThat(instance).isCompleted();
    }

    @Test
    void restartBeforePauseSlaClockPausesThenWaits() {
        ProcessInstanceEvent instance = restartBefore("pause-sla-clock", restoredVariables());
        driver.complete("sla.pause-clock");
        assertThat(instance).isWaitingExactlyAtElements("wait-for-customer");
    }

    @Test
    void restartBeforeAwaitConfirmationWaitsForTheAnswerAndTheConfirmationTimer() {
        ProcessInstanceEvent instance = restartBefore("await-confirmation", restoredVariables());
        driver.assertNoJob("communication.request-confirmation"); // the requester is not asked again
        assertThat(instance).isWaitingForMessages("requester-answered");
        driver.advance(Duration.ofHours(72).plusMinutes(1));
        assertThat(driver.complete("ticket.close").getElementId()).isEqualTo("close-request-by-policy");
        assertThat(instance).isCompleted().hasPassedElement("request-closed-by-policy");
    }

    @Test
    void restartBeforeRequestConfirmationAsksAgainAndCloses() {
        ProcessInstanceEvent instance = restartBefore("request-confirmation", restoredVariables());
        driver.complete("communication.request-confirmation");
        driver.publish("requester-answered", Map.of("requesterConfirmed", true));
        driver.complete("ticket.close");
        driver.complete("knowledge.index-resolved");
        assertThat(instance).isCompleted().hasPassedElement("request-closed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"request-received", "support-work-started", "shift-ends", "sla-at-risk", "sla-breached",
            "customer-response-timeout", "requester-answered", "confirmation-timeout"})
    void startEventsBoundaryEventsAndEventGatewayTargetsAreNotStartPoints(String elementId) {
        assertThatThrownBy(() -> restartBefore(elementId, restoredVariables()))
                .hasMessageContaining("INVALID_ARGUMENT")
                .hasMessageContaining(elementId);
    }
}
