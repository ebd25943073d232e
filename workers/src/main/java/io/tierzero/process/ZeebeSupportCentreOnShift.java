package io.tierzero.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.tierzero.sla.SupportCentreOnShift;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Evaluates the deployed support-centre decision on the engine, so the SLA clock and routing agree on the centre. */
@Component
class ZeebeSupportCentreOnShift implements SupportCentreOnShift {

    static final String DECISION_ID = "support-centre";

    private final CamundaClient camunda;
    private final ObjectMapper json;

    ZeebeSupportCentreOnShift(CamundaClient camunda, ObjectMapper json) {
        this.camunda = camunda;
        this.json = json;
    }

    @Override
    public String at(Instant instant, String region) {
        Map<String, Object> variables = Map.of("utcHour", instant.atZone(ZoneOffset.UTC).getHour(), "region", region);
        String output = camunda.newEvaluateDecisionCommand().decisionId(DECISION_ID).variables(variables)
                .send().join().getDecisionOutput();
        try {
            JsonNode centre = json.readTree(output).path("supportCentre");
            if (!centre.isTextual()) {
                throw new IllegalStateException("The " + DECISION_ID + " decision returned no supportCentre: " + output);
            }
            return centre.asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The " + DECISION_ID + " decision returned " + output, e);
        }
    }
}
