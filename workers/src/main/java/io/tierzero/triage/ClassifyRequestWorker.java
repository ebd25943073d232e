package io.tierzero.triage;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
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
        return Map.of(
                "category", classification.category(),
                "classificationConfidence", classification.confidence(),
                "impact", classification.impact(),
                "urgency", classification.urgency());
    }
}
