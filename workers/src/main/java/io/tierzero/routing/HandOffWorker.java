package io.tierzero.routing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class HandOffWorker {

    private final SupportAssignment assignment;

    public HandOffWorker(SupportAssignment assignment) {
        this.assignment = assignment;
    }

    @JobWorker(type = "routing.hand-off")
    public void handOff(ActivatedJob job, @Variable String ticketId) {
        assignment.shiftEnded(UUID.fromString(ticketId), JobSteps.stepOf(job));
    }
}
