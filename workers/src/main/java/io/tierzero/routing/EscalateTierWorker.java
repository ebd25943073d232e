package io.tierzero.routing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class EscalateTierWorker {

    private final SupportAssignment assignment;

    public EscalateTierWorker(SupportAssignment assignment) {
        this.assignment = assignment;
    }

    @JobWorker(type = "escalation.escalate-tier")
    public Map<String, Object> escalate(ActivatedJob job, @Variable String ticketId,
                                        @Variable(optional = true) String escalationReason) {
        int tier = assignment.escalate(UUID.fromString(ticketId), escalationReason, JobSteps.stepOf(job));
        return Map.of("supportTier", tier);
    }
}
