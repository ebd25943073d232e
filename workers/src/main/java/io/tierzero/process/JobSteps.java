package io.tierzero.process;

import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.ticket.ProcessStep;

/** Reads the process step out of a job, the same way for every worker. */
public final class JobSteps {

    private JobSteps() {
    }

    public static ProcessStep stepOf(ActivatedJob job) {
        return new ProcessStep(job.getProcessInstanceKey(), job.getElementId(), job.getKey());
    }
}
