package io.tierzero.tasks;

import java.util.UUID;

public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(UUID taskId) {
        super("There is no task " + taskId + ".");
    }
}
