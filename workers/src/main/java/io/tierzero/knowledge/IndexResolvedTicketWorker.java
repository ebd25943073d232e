package io.tierzero.knowledge;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class IndexResolvedTicketWorker {

    private final KnowledgeFeedback feedback;

    public IndexResolvedTicketWorker(KnowledgeFeedback feedback) {
        this.feedback = feedback;
    }

    @JobWorker(type = "knowledge.index-resolved")
    public void index(ActivatedJob job, @Variable String ticketId) {
        feedback.learnFrom(UUID.fromString(ticketId), JobSteps.stepOf(job));
    }
}
