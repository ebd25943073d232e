package io.tierzero.sla;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class ResumeSlaClockWorker {

    private final SlaClock slaClock;

    public ResumeSlaClockWorker(SlaClock slaClock) {
        this.slaClock = slaClock;
    }

    @JobWorker(type = "sla.resume-clock")
    public Map<String, Object> resume(ActivatedJob job, @Variable String ticketId) {
        return SlaVariables.of(slaClock.resume(UUID.fromString(ticketId), JobSteps.stepOf(job)));
    }
}
