package io.tierzero.escalation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class PrepareEscalationPackageWorker {

    private final EscalationPackages packages;

    public PrepareEscalationPackageWorker(EscalationPackages packages) {
        this.packages = packages;
    }

    @JobWorker(type = "escalation.prepare-package")
    public Map<String, Object> prepare(ActivatedJob job, @Variable String ticketId) {
        EscalationPackage prepared = packages.prepare(UUID.fromString(ticketId), JobSteps.stepOf(job));
        return Map.of("escalationBriefing", EscalationBriefing.markdown(prepared));
    }
}
