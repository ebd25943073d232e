package io.tierzero.remediation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class NotifyAutomationResultWorker {

    private final Remediation remediation;

    public NotifyAutomationResultWorker(Remediation remediation) {
        this.remediation = remediation;
    }

    @JobWorker(type = "communication.notify-automation-result")
    public void notifyResult(ActivatedJob job, @Variable String ticketId) {
        remediation.tellRequesterTheResult(UUID.fromString(ticketId), JobSteps.stepOf(job));
    }
}
