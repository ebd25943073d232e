package io.tierzero.communication;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class AcknowledgeRequestWorker {

    private final Communications communications;

    public AcknowledgeRequestWorker(Communications communications) {
        this.communications = communications;
    }

    @JobWorker(type = "communication.acknowledge")
    public void acknowledge(ActivatedJob job, @Variable String ticketId) {
        communications.acknowledge(UUID.fromString(ticketId), JobSteps.stepOf(job));
    }
}
