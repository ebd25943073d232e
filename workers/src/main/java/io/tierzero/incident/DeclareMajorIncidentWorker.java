package io.tierzero.incident;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class DeclareMajorIncidentWorker {

    private final MajorIncidents majorIncidents;

    public DeclareMajorIncidentWorker(MajorIncidents majorIncidents) {
        this.majorIncidents = majorIncidents;
    }

    @JobWorker(type = "incident.declare-major")
    public void declare(ActivatedJob job, @Variable String ticketId) {
        majorIncidents.declare(UUID.fromString(ticketId), JobSteps.stepOf(job));
    }
}
