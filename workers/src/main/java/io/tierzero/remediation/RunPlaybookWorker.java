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
public class RunPlaybookWorker {

    private final Remediation remediation;

    public RunPlaybookWorker(Remediation remediation) {
        this.remediation = remediation;
    }

    @JobWorker(type = "remediation.run-playbook")
    public Map<String, Object> runPlaybook(ActivatedJob job, @Variable String ticketId,
                                           @Variable(optional = true) String runbookId,
                                           @Variable(optional = true) String approvedBy) {
        Remediation.RunResult result = remediation.run(UUID.fromString(ticketId), runbookId, approvedBy,
                JobSteps.stepOf(job));
        Map<String, Object> variables = new HashMap<>();
        variables.put("remediationOutcome", result.outcome().value());
        if (result.awaitRequesterFor() != null) {
            variables.put("awaitRequesterFor", result.awaitRequesterFor().toString());
        }
        return variables;
    }
}
