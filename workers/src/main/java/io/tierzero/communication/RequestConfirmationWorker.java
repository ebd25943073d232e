package io.tierzero.communication;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class RequestConfirmationWorker {

    private final Communications communications;

    public RequestConfirmationWorker(Communications communications) {
        this.communications = communications;
    }

    @JobWorker(type = "communication.request-confirmation")
    public void askForConfirmation(ActivatedJob job, @Variable String ticketId) {
        communications.askForConfirmation(UUID.fromString(ticketId), JobSteps.stepOf(job));
    }
}
