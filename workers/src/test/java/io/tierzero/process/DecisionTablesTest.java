package io.tierzero.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.EvaluateDecisionResponse;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Evaluates every decision through the engine's real DMN engine. */
@ZeebeProcessTest
class DecisionTablesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4", "P5");
    private static final List<String> TIERS = List.of("gold", "silver", "bronze");

    private ZeebeTestEngine engine;
    private ZeebeClient client;

    @BeforeEach
    void deploy() {
        new ProcessDriver(client, engine).deployAll();
    }

    private JsonNode evaluate(String decisionId, Map<String, Object> variables) {
        EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionId(decisionId)
                .variables(variables).send().join();
        assertThat(response.getFailureMessage()).as("failure of %s with %s", decisionId, variables).isNullOrEmpty();
        try {
            return JSON.readTree(response.getDecisionOutput());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    // ------------------------------------------------------------------ priority matrix

    @Test
    void priorityMatrixFollowsTheItil3x3Matrix() {
        Map<String, String> expected = Map.of(
                "high/high", "P1", "high/medium", "P2", "medium/high", "P2",
                "high/low", "P3", "medium/medium", "P3", "low/high", "P3",
                "medium/low", "P4", "low/medium", "P4", "low/low", "P5");
        expected.forEach((cell, priority) -> {
            String[] iu = cell.split("/");
            assertThat(evaluate("priority-matrix", vars("impact", iu[0], "urgency", iu[1])).asText())
                    .as("impact/urgency %s", cell).isEqualTo(priority);
        });
        // unknown or missing values fall back to P3 instead of leaving the ticket without a priority
        assertThat(evaluate("priority-matrix", vars("impact", "severe", "urgency", "high")).asText()).isEqualTo("P3");
        assertThat(evaluate("priority-matrix", vars()).asText()).isEqualTo("P3");
    }

    // ------------------------------------------------------------------ SLA targets

    @Test
    void slaTargetsTightenWithPriorityAndClientTier() {
        int[][] response = new int[5][3];
        int[][] resolution = new int[5][3];
        for (int p = 0; p < 5; p++) {
            for (int t = 0; t < 3; t++) {
                JsonNode targets = evaluate("sla-targets", vars("priority", PRIORITIES.get(p), "clientTier", TIERS.get(t)));
                response[p][t] = targets.get("responseMinutes").asInt();
                resolution[p][t] = targets.get("resolutionMinutes").asInt();
                assertThat(targets.get("clock").asText()).as("clock of %s %s", PRIORITIES.get(p), TIERS.get(t))
                        .isEqualTo(p < 2 ? "24x7" : "business-hours");
                assertThat(response[p][t]).as("%s %s", PRIORITIES.get(p), TIERS.get(t)).isPositive()
                        .isLessThan(resolution[p][t]);
                if (p > 0) {
                    assertThat(response[p][t]).as("response %s vs higher priority", PRIORITIES.get(p)).isGreaterThan(response[p - 1][t]);
                    assertThat(resolution[p][t]).as("resolution %s vs higher priority", PRIORITIES.get(p)).isGreaterThan(resolution[p - 1][t]);
                }
                if (t > 0) {
                    assertThat(response[p][t]).as("response %s vs better tier", TIERS.get(t)).isGreaterThan(response[p][t - 1]);
                    assertThat(resolution[p][t]).as("resolution %s vs better tier", TIERS.get(t)).isGreaterThan(resolution[p][t - 1]);
                }
            }
        }
        assertThat(response[0][0]).isEqualTo(15);
        assertThat(resolution[0][0]).isEqualTo(240);
        assertThat(response[4][2]).isEqualTo(2 * 24 * 60);
    }

    // ------------------------------------------------------------------ automation eligibility

    private String automation(String runbookId, Object classification, Object retrieval, Object threshold) {
        Map<String, Object> v = vars("category", "identity", "runbookId", runbookId, "classificationConfidence", classification,
                "retrievalConfidence", retrieval, "automationThreshold", threshold);
        return evaluate("automation-eligibility", v).asText();
    }

    @Test
    void automationEligibilityBoundaries() {
        assertThat(automation("rb-1", 0.80, 0.80, 0.80)).isEqualTo("automate");
        assertThat(automation("rb-1", 0.79, 0.95, 0.80)).isEqualTo("assist");
        assertThat(automation("rb-1", 0.95, 0.79, 0.80)).isEqualTo("assist");
        // null threshold means 0.90
        assertThat(automation("rb-1", 0.90, 0.90, null)).isEqualTo("automate");
        assertThat(automation("rb-1", 0.89, 0.99, null)).isEqualTo("assist");
        Map<String, Object> noThreshold = vars("category", "identity", "runbookId", "rb-1",
                "classificationConfidence", 0.95, "retrievalConfidence", 0.95);
        assertThat(evaluate("automation-eligibility", noThreshold).asText()).isEqualTo("automate");
        // a tenant threshold is honoured
        assertThat(automation("rb-1", 0.66, 0.70, 0.65)).isEqualTo("automate");
        assertThat(automation("rb-1", 0.90, 0.90, 0.95)).isEqualTo("assist");
        // assist needs at least 0.5 on both
        assertThat(automation("rb-1", 0.50, 0.60, 0.80)).isEqualTo("assist");
        assertThat(automation("rb-1", 0.49, 0.90, 0.80)).isEqualTo("human");
        // missing runbook
        assertThat(automation(null, 0.99, 0.99, 0.80)).isEqualTo("human");
        assertThat(evaluate("automation-eligibility", vars("category", "identity", "classificationConfidence", 0.99,
                "retrievalConfidence", 0.99, "automationThreshold", 0.8)).asText()).isEqualTo("human");
        // zero confidence is always human, even with a threshold of 0
        assertThat(automation("rb-1", 0.0, 0.99, 0.0)).isEqualTo("human");
        assertThat(automation("rb-1", 0.99, 0, 0.0)).isEqualTo("human");
        assertThat(automation("rb-1", null, 0.99, 0.80)).isEqualTo("human");
        // unclassified requests are never automated
        assertThat(evaluate("automation-eligibility", vars("category", "unclassified", "runbookId", "rb-1",
                "classificationConfidence", 0.99, "retrievalConfidence", 0.99, "automationThreshold", 0.8)).asText())
                .isEqualTo("human");
    }

    // ------------------------------------------------------------------ routing

    private JsonNode routing(String category, Object tier, String region, int hour) {
        return evaluate("routing", vars("category", category, "supportTier", tier, "region", region, "utcHour", hour));
    }

    @Test
    void routingPicksTheGroupByCategoryAndTier() {
        Map<String, String> tier2 = Map.of("identity", "L2-identity", "access", "L2-identity", "network", "L2-network",
                "end-user", "L2-end-user", "infrastructure", "L2-infrastructure", "unclassified", "L2-service-desk");
        tier2.forEach((category, group) -> {
            assertThat(routing(category, 1, "emea", 9).get("assignmentGroup").asText()).as("%s tier 1", category)
                    .isEqualTo("L1-service-desk");
            assertThat(routing(category, 2, "emea", 9).get("assignmentGroup").asText()).as("%s tier 2", category)
                    .isEqualTo(group);
            assertThat(routing(category, 3, "emea", 9).get("assignmentGroup").asText()).as("%s tier 3", category)
                    .isEqualTo("L3-engineering");
        });
        assertThat(routing("identity", null, "emea", 9).get("assignmentGroup").asText()).isEqualTo("L1-service-desk");
    }

    @Test
    void routingFollowsTheSun() {
        for (int hour = 0; hour < 24; hour++) {
            String expected = hour >= 7 && hour < 15 ? "emea-lisbon" : hour >= 15 && hour < 23 ? "amer-austin" : "apac-manila";
            int shiftEnd = hour >= 7 && hour < 15 ? 15 : hour >= 15 && hour < 23 ? 23 : 7;
            for (String region : List.of("emea", "amer", "apac")) {
                JsonNode result = routing("network", 2, region, hour);
                assertThat(result.get("supportCentre").asText()).as("hour %d region %s", hour, region).isEqualTo(expected);
                assertThat(result.get("shiftEndsUtcHour").asInt()).as("shift end at hour %d", hour).isEqualTo(shiftEnd);
                assertThat(result.get("assignmentGroup").asText()).isEqualTo("L2-network");
            }
        }
        // shift edges explicitly
        assertThat(routing("network", 1, "apac", 6).get("supportCentre").asText()).isEqualTo("apac-manila");
        assertThat(routing("network", 1, "apac", 7).get("supportCentre").asText()).isEqualTo("emea-lisbon");
        assertThat(routing("network", 1, "emea", 14).get("supportCentre").asText()).isEqualTo("emea-lisbon");
        assertThat(routing("network", 1, "emea", 15).get("supportCentre").asText()).isEqualTo("amer-austin");
        assertThat(routing("network", 1, "amer", 22).get("supportCentre").asText()).isEqualTo("amer-austin");
        assertThat(routing("network", 1, "amer", 23).get("supportCentre").asText()).isEqualTo("apac-manila");
    }

    // ------------------------------------------------------------------ approval policy

    @Test
    void standardChangesNeedNoApproval() {
        for (String risk : new String[] {"low", "medium"}) {
            JsonNode approval = evaluate("approval-policy", vars("actionRisk", risk, "runbookApproval", "none"));
            assertThat(approval.get("approvalRequired").asBoolean()).as(risk).isFalse();
            assertThat(approval.get("approverRole").isNull()).as(risk).isTrue();
        }
    }

    @Test
    void theApproverARunbookNamesApprovesWhateverTheRisk() {
        JsonNode approval = evaluate("approval-policy", vars("actionRisk", "medium", "runbookApproval", "line-manager"));
        assertThat(approval.get("approvalRequired").asBoolean()).isTrue();
        assertThat(approval.get("approverRole").asText()).isEqualTo("line-manager");
        assertThat(evaluate("approval-policy", vars("actionRisk", "critical", "runbookApproval", "security-team"))
                .get("approverRole").asText()).isEqualTo("security-team");
    }

    @Test
    void sensitiveAccessNeedsTheSecurityTeam() {
        JsonNode approval = evaluate("approval-policy", vars("actionRisk", "medium", "runbookApproval", "line-manager",
                "sensitiveAccess", true));
        assertThat(approval.get("approvalRequired").asBoolean()).isTrue();
        assertThat(approval.get("approverRole").asText()).isEqualTo("security-team");
        assertThat(evaluate("approval-policy", vars("actionRisk", "medium", "runbookApproval", "line-manager",
                "sensitiveAccess", false)).get("approverRole").asText()).isEqualTo("line-manager");
    }

    @Test
    void riskierActionsNeedTheChangeManagerOrTheBoard() {
        Map<String, String> approvers = Map.of("high", "change-manager", "critical", "change-advisory-board");
        approvers.forEach((risk, role) -> {
            JsonNode approval = evaluate("approval-policy", vars("actionRisk", risk, "runbookApproval", "none"));
            assertThat(approval.get("approvalRequired").asBoolean()).as(risk).isTrue();
            assertThat(approval.get("approverRole").asText()).as(risk).isEqualTo(role);
        });
        JsonNode unknown = evaluate("approval-policy", vars("actionRisk", "unheard-of", "runbookApproval", "none"));
        assertThat(unknown.get("approvalRequired").asBoolean()).isTrue();
        assertThat(unknown.get("approverRole").asText()).isEqualTo("change-manager");
    }
}
