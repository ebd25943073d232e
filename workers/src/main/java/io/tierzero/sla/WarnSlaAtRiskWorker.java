package io.tierzero.sla;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class WarnSlaAtRiskWorker {

    private final SlaClock slaClock;

    public WarnSlaAtRiskWorker(SlaClock slaClock) {
        this.slaClock = slaClock;
    }

    @JobWorker(type = "sla.warn")
    public void warn(ActivatedJob job, @Variable String ticketId) {
        slaClock.warnAtRisk(UUID.fromString(ticketId), JobSteps.stepOf(job));
    }
}
