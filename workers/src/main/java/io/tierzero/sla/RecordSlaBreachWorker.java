package io.tierzero.sla;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class RecordSlaBreachWorker {

    private final SlaClock slaClock;

    public RecordSlaBreachWorker(SlaClock slaClock) {
        this.slaClock = slaClock;
    }

    @JobWorker(type = "sla.record-breach")
    public void recordBreach(ActivatedJob job, @Variable String ticketId) {
        slaClock.recordBreach(UUID.fromString(ticketId), JobSteps.stepOf(job));
    }
}
