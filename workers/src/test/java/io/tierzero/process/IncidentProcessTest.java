package io.tierzero.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static io.tierzero.process.ProcessDriver.HEADER_CANDIDATE_GROUPS;
import static io.tierzero.process.ProcessDriver.HEADER_FORM_KEY;
import static org.assertj.core.api.Assertions.assertThat;

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

@ZeebeProcessTest
class IncidentProcessTest {

    private ZeebeTestEngine engine;
    private ZeebeClient client;
    private ProcessDriver driver;

    @BeforeEach
    void deploy() {
        driver = new ProcessDriver(client, engine).deployAll();
    }

    private ProcessInstanceEvent startAndCategorise(String impact, String urgency) {
        return startAndCategorise(impact, urgency, null, 0.0);
    }

    /** Categorised, with the runbook found for it (none: null), up to the started SLA clock. */
    private ProcessInstanceEvent startAndCategorise(String impact, String urgency, String runbookId, double confidence) {
        ProcessInstanceEvent instance = driver.start("incident", Map.of("referenceNumber", "INC-2001"));
        driver.complete("communication.acknowledge");
        ActivatedJob classify = driver.complete("triage.classify", Map.of("category", "infrastructure",
                "classificationConfidence", 0.88, "impact", impact, "urgency", urgency));
        assertThat(classify.getElementId()).isEqualTo("categorise-incident");
        Map<String, Object> runbook = new HashMap<>();
        runbook.put("runbookId", runbookId);
        runbook.put("retrievalConfidence", confidence);
        assertThat(driver.complete("knowledge.find-runbooks", runbook).getElementId()).isEqualTo("find-runbooks");
        driver.startSlaClock(Duration.ofHours(1), Duration.ofHours(4));
        return instance;
    }

    /** A self-heal runbook found with confidence: the playbook is prepared; returns after its approval gate. */
    private ProcessInstanceEvent selfHeal(String actionRisk) {
        ProcessInstanceEvent instance = startAndCategorise("medium", "medium", "disk-space-alert", 0.93);
        assertThat(instance).hasVariableWithValue("automationDecision", "automate");
        driver.complete("remediation.prepare-playbook", Map.of("playbookReady", true, "playbookId", "disk-space-alert",
                "playbookVersion", "1.0", "actionRisk", actionRisk, "runbookApproval", "none"));
        return instance;
    }

    @Test
    void aSelfHealThatResolvesTheAlertClosesTheIncidentWithoutAPerson() {
        ProcessInstanceEvent instance = selfHeal("medium");
        ActivatedJob run = driver.complete("remediation.run-playbook", Map.of("remediationOutcome", "resolved"));
        assertThat(run.getElementId()).isEqualTo("run-remediation");
        driver.complete("ticket.resolve");
        driver.complete("ticket.close");
        assertThat(instance).isCompleted().hasPassedElementsInOrder("categorise-incident", "find-runbooks",
                        "start-sla-clock", "decide-automation", "prepare-playbook", "determine-approval",
                        "run-remediation", "record-resolution", "close-incident", "incident-closed")
                .hasNotPassedElement("approve-automated-action").hasNotPassedElement("resolve-incident");
    }

    @ParameterizedTest
    @ValueSource(strings = {"failed", "unavailable", "dry-run"})
    void aSelfHealThatDoesNotResolveTheAlertGoesToTheResolverGroup(String outcome) {
        ProcessInstanceEvent instance = selfHeal("medium");
        driver.complete("remediation.run-playbook", Map.of("remediationOutcome", outcome));
        driver.assign(Duration.ofDays(1));
        driver.complete(driver.userTask("diagnose-incident"), Map.of("resolutionNotes", "moved the backups away"));
        driver.complete("ticket.resolve");
        driver.complete("ticket.close");
        assertThat(instance).isCompleted().hasPassedElementsInOrder("run-remediation", "diagnose-incident",
                "record-resolution", "incident-closed");
    }

    @Test
    void aPlaybookThatIsNotReadyLeavesTheIncidentToTheResolverGroup() {
        ProcessInstanceEvent instance = startAndCategorise("medium", "medium", "job-failure", 0.93);
        driver.complete("remediation.prepare-playbook", Map.of("playbookReady", false));
        driver.assertNoJob("remediation.run-playbook");
        driver.assign(Duration.ofDays(1));
        driver.userTask("diagnose-incident");
        assertThat(instance).hasNotPassedElement("determine-approval");
    }

    @Test
    void aHighRiskSelfHealWaitsForTheChangeManagerAndARefusalGoesToPeople() {
        ProcessInstanceEvent instance = selfHeal("high");
        driver.assertNoJob("remediation.run-playbook");
        ActivatedJob approval = driver.userTask("approve-automated-action");
        assertThat(approval.getCustomHeaders()).containsEntry(HEADER_CANDIDATE_GROUPS, "[\"change-manager\"]");
        driver.complete(approval, Map.of("approvalDecision", "refuse"));
        driver.assertNoJob("remediation.run-playbook");
        driver.assign(Duration.ofDays(1));
        driver.userTask("diagnose-incident");
        assertThat(instance).hasPassedElement("approve-automated-action").hasNotPassedElement("run-remediation");
    }

    @Test
    void aMajorIncidentGoesToPeopleEvenWithASelfHealRunbook() {
        ProcessInstanceEvent instance = startAndCategorise("high", "high", "disk-space-alert", 0.97);
        driver.complete("incident.declare-major");
        driver.assertNoJob("remediation.prepare-playbook");
        driver.assign(Duration.ofDays(1));
        driver.userTask("diagnose-incident");
        assertThat(instance).hasNotPassedElement("decide-automation");
    }

    @Test
    void normalIncidentIsDiagnosedResolvedAndClosedWithoutReview() {
        ProcessInstanceEvent instance = startAndCategorise("medium", "medium");
        assertThat(instance).hasVariableWithValue("priority", "P3")
                .hasVariableWithValue("slaTargets", Map.of("responseMinutes", 60, "resolutionMinutes", 1440, "clock", "business-hours"));
        driver.assertNoJob("incident.declare-major");
        ActivatedJob assign = driver.assign(Duration.ofDays(1));
        assertThat(assign.getElementId()).isEqualTo("assign-to-resolver-group");
        ActivatedJob diagnose = driver.userTask("diagnose-incident");
        assertThat(diagnose.getCustomHeaders()).containsEntry(HEADER_CANDIDATE_GROUPS, "[\"L1-service-desk\"]")
                .containsEntry(HEADER_FORM_KEY, String.valueOf(driver.formKey("diagnose-incident")));
        driver.complete(diagnose, Map.of("resolutionNotes", "cleared /var/log"));
        driver.complete("ticket.resolve");
        assertThat(driver.complete("ticket.close").getElementId()).isEqualTo("close-incident");
        assertThat(instance).isCompleted().hasPassedElement("incident-closed")
                .hasNotPassedElement("declare-major-incident").hasNotPassedElement("review-major-incident");
    }

    @Test
    void p1IsDeclaredMajorAndReviewedBeforeClosure() {
        ProcessInstanceEvent instance = startAndCategorise("high", "high");
        assertThat(instance).hasVariableWithValue("priority", "P1")
                .hasVariableWithValue("slaTargets", Map.of("responseMinutes", 15, "resolutionMinutes", 240, "clock", "24x7"));
        driver.complete("incident.declare-major");
        driver.assign(Duration.ofDays(1));
        driver.complete(driver.userTask("diagnose-incident"), Map.of("resolutionNotes", "failed over the database"));
        driver.complete("ticket.resolve");
        driver.assertNoJob("ticket.close");
        ActivatedJob review = driver.userTask("review-major-incident");
        assertThat(review.getCustomHeaders()).containsEntry(HEADER_CANDIDATE_GROUPS, "[\"major-incident-management\"]")
                .containsEntry(HEADER_FORM_KEY, String.valueOf(driver.formKey("review-major-incident")));
        assertThat(review.getVariablesAsMap()).containsEntry("resolutionNotes", "failed over the database");
        driver.complete(review, Map.of("reviewNotes", "replication lag alert was missing", "problemRecordNeeded", true));
        driver.complete("ticket.close");
        assertThat(instance).isCompleted().hasPassedElementsInOrder("declare-major-incident", "diagnose-incident",
                "record-resolution", "review-major-incident", "close-incident", "incident-closed");
    }

    @Test
    void slaTimersFireWhileTheIncidentIsBeingDiagnosed() {
        ProcessInstanceEvent instance = startAndCategorise("low", "low");
        driver.assign(Duration.ofDays(1));
        ActivatedJob diagnose = driver.userTask("diagnose-incident");
        driver.advance(Duration.ofHours(1).plusMinutes(1));
        driver.complete("sla.warn");
        driver.assertNoJob("sla.record-breach");
        driver.advance(Duration.ofHours(3));
        driver.complete("sla.record-breach");
        assertThat(instance).isWaitingAtElements("diagnose-incident");
        driver.complete(diagnose, Map.of("resolutionNotes", "done"));
        driver.complete("ticket.resolve");
        driver.complete("ticket.close");
        assertThat(instance).isCompleted().hasPassedElement("sla-breach-recorded").hasPassedElement("sla-warning-sent");
    }
}
