package io.tierzero.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.tierzero.triage.AutomationEligibility;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Evaluates the deployed automation-eligibility DMN on the engine, so the answer is the lifecycle's own rule. */
@Component
class ZeebeAutomationEligibility implements AutomationEligibility {

    static final String DECISION_ID = "automation-eligibility";

    private final CamundaClient camunda;
    private final ObjectMapper json;

    ZeebeAutomationEligibility(CamundaClient camunda, ObjectMapper json) {
        this.camunda = camunda;
        this.json = json;
    }

    @Override
    public String decide(String category, double classificationConfidence, String runbookId, double runbookConfidence,
            BigDecimal automationThreshold) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("category", category);
        variables.put("classificationConfidence", classificationConfidence);
        variables.put("runbookId", runbookId);
        variables.put("retrievalConfidence", runbookConfidence);
        variables.put("automationThreshold", automationThreshold);
        String output = camunda.newEvaluateDecisionCommand().decisionId(DECISION_ID).variables(variables)
                .send().join().getDecisionOutput();
        try {
            return json.readValue(output, String.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The " + DECISION_ID + " decision returned " + output, e);
        }
    }
}
