package io.tierzero.tasks;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import io.tierzero.process.ProcessModels;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Takes every job-based user task of the lifecycles into the app's task list. The job stays activated (not
 * completed) until an agent completes the task; its long timeout only matters if the app is down that long.
 */
@Component
public class UserTaskWorker {

    static final long THIRTY_DAYS_MS = 30L * 24 * 60 * 60 * 1000;

    private final HumanTasks humanTasks;
    private final ProcessModels processModels;
    private final TaskForms forms;

    public UserTaskWorker(HumanTasks humanTasks, ProcessModels processModels, TaskForms forms) {
        this.humanTasks = humanTasks;
        this.processModels = processModels;
        this.forms = forms;
    }

    @JobWorker(type = "io.camunda.zeebe:userTask", autoComplete = false, timeout = THIRTY_DAYS_MS)
    public void open(ActivatedJob job, @Variable String ticketId) {
        ProcessModels.UserTaskDefinition definition = processModels.userTask(job.getBpmnProcessId(), job.getElementId());
        String candidateGroup = processModels.candidateGroupOf(job);
        Map<String, Object> formInput = new HashMap<>(job.getVariablesAsMap());
        formInput.keySet().retainAll(definition.formId() == null ? Set.of() : forms.inputNames(definition.formId()));
        humanTasks.opened(new OpenedTask(UUID.fromString(ticketId), definition.name(), candidateGroup,
                definition.formId(), JobSteps.stepOf(job), formInput));
    }
}
