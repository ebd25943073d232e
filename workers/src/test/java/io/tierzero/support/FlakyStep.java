package io.tierzero.support;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A one-step process deployed on the app's engine whose service task fails until {@link #recover()}: each attempt
 * fails with one retry less, so the engine raises a real incident when the retries run out. The first failure of
 * a job that has more than one retry waits {@code firstBackoff} before the next attempt, long enough to be seen
 * as a failing job with retries left.
 */
public final class FlakyStep implements AutoCloseable {

    public static final String ELEMENT_ID = "check-backup";
    public static final String ELEMENT_NAME = "Check the backup";
    public static final String ERROR_MESSAGE = "Backup server 10.0.0.7 does not answer";

    private final CamundaClient camunda;
    private final String processId;
    private final String jobType;
    private final AtomicBoolean failing = new AtomicBoolean(true);
    private final Set<Long> completedJobs = ConcurrentHashMap.newKeySet();
    private final JobWorker worker;

    public FlakyStep(CamundaClient camunda, int retries, Duration firstBackoff) {
        this.camunda = camunda;
        String suffix = Long.toString(System.nanoTime(), 36);
        this.processId = "ops-test-" + suffix;
        this.jobType = "ops-test.check-backup-" + suffix;
        BpmnModelInstance model = Bpmn.createExecutableProcess(processId).name("Nightly backup check")
                .startEvent().serviceTask(ELEMENT_ID).name(ELEMENT_NAME).zeebeJobType(jobType).zeebeJobRetries(Integer.toString(retries))
                .endEvent().done();
        camunda.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
        worker = camunda.newWorker().jobType(jobType).handler((client, job) -> {
            if (failing.get()) {
                client.newFailCommand(job).retries(job.getRetries() - 1).errorMessage(ERROR_MESSAGE)
                        .retryBackoff(job.getRetries() > 1 ? firstBackoff : Duration.ZERO).send().join();
            } else {
                client.newCompleteCommand(job).send().join();
                completedJobs.add(job.getKey());
            }
        }).open();
    }

    public String processId() {
        return processId;
    }

    public String jobType() {
        return jobType;
    }

    /** Starts an instance with the variables a ticket's lifecycle gets (tenantId, ticketId, referenceNumber...). */
    public long start(Map<String, Object> variables) {
        return camunda.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
                .send().join().getProcessInstanceKey();
    }

    /** From now on the step succeeds. */
    public void recover() {
        failing.set(false);
    }

    public boolean completed(long jobKey) {
        return completedJobs.contains(jobKey);
    }

    @Override
    public void close() {
        worker.close();
    }
}
