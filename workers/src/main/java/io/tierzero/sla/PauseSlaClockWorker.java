package io.tierzero.sla;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class PauseSlaClockWorker {

    private final SlaClock slaClock;

    public PauseSlaClockWorker(SlaClock slaClock) {
        this.slaClock = slaClock;
    }

    @JobWorker(type = "sla.pause-clock")
    public void pause(ActivatedJob job, @Variable String ticketId) {
        slaClock.pause(UUID.fromString(ticketId), JobSteps.stepOf(job));
    }
}
