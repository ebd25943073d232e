package io.tierzero.knowledge;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class FindRunbooksWorker {

    private final RunbookFinder runbookFinder;

    public FindRunbooksWorker(RunbookFinder runbookFinder) {
        this.runbookFinder = runbookFinder;
    }

    @JobWorker(type = "knowledge.find-runbooks")
    public Map<String, Object> findRunbooks(ActivatedJob job, @Variable String ticketId) {
        RunbookSuggestion suggestion = runbookFinder.find(UUID.fromString(ticketId), JobSteps.stepOf(job));
        Map<String, Object> variables = new HashMap<>();
        variables.put("runbookId", suggestion.runbookId());
        variables.put("retrievalConfidence", suggestion.confidence());
        variables.put("runbookCandidates", suggestion.candidates());
        return variables;
    }
}
