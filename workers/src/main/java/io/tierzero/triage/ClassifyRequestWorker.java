package io.tierzero.triage;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class ClassifyRequestWorker {

    private final Triage triage;

    public ClassifyRequestWorker(Triage triage) {
        this.triage = triage;
    }

    @JobWorker(type = "triage.classify")
    public Map<String, Object> classify(ActivatedJob job, @Variable String ticketId) {
        Classification classification = triage.classify(UUID.fromString(ticketId), JobSteps.stepOf(job));
        Map<String, Object> variables = new HashMap<>();
        variables.put("category", classification.category());
        variables.put("classificationConfidence", classification.confidence());
        variables.put("impact", classification.impact());
        variables.put("urgency", classification.urgency());
        variables.put("modelVersion", classification.model());
        variables.put("suggestedGroup", classification.suggestedGroup());
        variables.put("groupConfidence", classification.groupConfidence());
        variables.put("predictedRunbookId", classification.runbookId());
        variables.put("predictedRunbookConfidence", classification.runbookConfidence());
        variables.put("predictedRunbooks", classification.runbooks());
        return variables;
    }
}
