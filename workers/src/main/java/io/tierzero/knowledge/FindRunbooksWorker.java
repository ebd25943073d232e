package io.tierzero.knowledge;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.HashMap;
import java.util.List;
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
    public Map<String, Object> findRunbooks(ActivatedJob job, @Variable String ticketId,
            @Variable(optional = true) String predictedRunbookId,
            @Variable(optional = true) Double predictedRunbookConfidence,
            @Variable(optional = true) List<String> predictedRunbooks) {
        PredictedRunbook predicted = predictedRunbookId == null ? null : new PredictedRunbook(predictedRunbookId,
                predictedRunbookConfidence == null ? 0.0 : predictedRunbookConfidence,
                predictedRunbooks == null ? List.of() : predictedRunbooks);
        RunbookSuggestion suggestion = runbookFinder.find(UUID.fromString(ticketId), JobSteps.stepOf(job), predicted);
        Map<String, Object> variables = new HashMap<>();
        variables.put("runbookId", suggestion.runbookId());
        variables.put("retrievalConfidence", suggestion.confidence());
        variables.put("runbookCandidates", suggestion.candidates());
        variables.put("similarTickets", suggestion.similarTickets().stream().map(similar -> {
            Map<String, Object> ticket = new HashMap<>();
            ticket.put("ticketId", similar.ticketId());
            ticket.put("shortDescription", similar.shortDescription());
            ticket.put("assignmentGroup", similar.assignmentGroup());
            ticket.put("runbookId", similar.runbookId());
            ticket.put("resolutionNotes", similar.resolutionNotes());
            ticket.put("confidence", similar.confidence());
            return ticket;
        }).toList());
        return variables;
    }
}
