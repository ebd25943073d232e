package io.tierzero.sync;

import io.tierzero.integration.Connection;
import io.tierzero.integration.ExternalTicket;
import io.tierzero.tasks.HumanTask;
import io.tierzero.tasks.HumanTasks;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A ticket an agent resolved in the connected system completes TierZero's task that waited for an agent, as
 * resolved by that system: the lifecycle goes on (resolution message, confirmation question) instead of the state
 * being put back. A task a TierZero agent has claimed is theirs; then the resolution there is only recorded.
 */
@Component
class ExternalResolutions {

    private static final Logger log = LoggerFactory.getLogger(ExternalResolutions.class);
    private static final String AGENT_FORM = "work-on-request";

    private final HumanTasks tasks;

    ExternalResolutions(HumanTasks tasks) {
        this.tasks = tasks;
    }

    boolean resolve(Connection connection, UUID ticketId, ExternalTicket external) {
        Optional<HumanTask> waiting = tasks.activeTaskOf(ticketId).filter(task -> AGENT_FORM.equals(task.formId()))
                .filter(task -> task.assignee() == null || task.assignee().equals(connection.id()));
        if (waiting.isEmpty()) {
            return false;
        }
        HumanTask task = waiting.get();
        try {
            if (task.assignee() == null) {
                tasks.claim(task.tenantId(), task.taskId(), connection.id());
            }
            tasks.complete(task.tenantId(), task.taskId(), connection.id(), Map.of("resolution", "resolved",
                    "resolutionNotes", "Resolved in " + connection.id() + " #" + external.externalId()
                            + " (status " + external.externalState() + ")"));
            return true;
        } catch (RuntimeException notNow) {
            log.info("{} resolved #{}, but TierZero's task {} could not be completed: {}", connection.id(),
                    external.externalId(), task.taskId(), notNow.getMessage());
            return false;
        }
    }
}
