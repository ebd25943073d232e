package io.tierzero.tasks;

import io.tierzero.ticket.ProcessStep;
import java.util.Map;
import java.util.UUID;

/** A user-task job the engine handed to the app. */
/** {@code formInput}: the job variables the task's form shows. */
public record OpenedTask(UUID ticketId, String name, String candidateGroup, String formId, ProcessStep step,
                         Map<String, Object> formInput) {
}
