package io.tierzero.tasks;

import io.tierzero.ticket.ProcessStep;
import java.util.UUID;

/** A user-task job the engine handed to the app. */
public record OpenedTask(UUID ticketId, String name, String candidateGroup, String formId, ProcessStep step) {
}
