package io.tierzero.remediation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class PreparePlaybookWorker {

    private final Remediation remediation;

    public PreparePlaybookWorker(Remediation remediation) {
        this.remediation = remediation;
    }

    @JobWorker(type = "remediation.prepare-playbook")
    public Map<String, Object> prepare(ActivatedJob job, @Variable String ticketId,
                                       @Variable(optional = true) String runbookId) {
        PlaybookPreparation preparation = remediation.prepare(UUID.fromString(ticketId), runbookId, JobSteps.stepOf(job));
        Map<String, Object> variables = new HashMap<>();
        variables.put("playbookReady", preparation.ready());
        variables.put("playbookId", preparation.playbookId());
        variables.put("playbookVersion", preparation.playbookVersion());
        variables.put("actionRisk", preparation.actionRisk());
        variables.put("runbookApproval", preparation.runbookApproval());
        variables.put("sensitiveAccess", preparation.sensitiveAccess());
        return variables;
    }
}
