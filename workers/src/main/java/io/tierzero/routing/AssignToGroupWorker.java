package io.tierzero.routing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class AssignToGroupWorker {

    private final SupportAssignment assignment;

    public AssignToGroupWorker(SupportAssignment assignment) {
        this.assignment = assignment;
    }

    @JobWorker(type = "ticket.assign")
    public Map<String, Object> assign(ActivatedJob job, @Variable String ticketId, @Variable Routing routing) {
        Instant shiftEndsAt = assignment.assign(UUID.fromString(ticketId), routing.assignmentGroup(),
                routing.supportCentre(), routing.shiftEndsUtcHour(), JobSteps.stepOf(job));
        return Map.of("shiftEndsAt", shiftEndsAt.toString());
    }

    /** The result of decisions/routing.dmn. */
    public record Routing(String assignmentGroup, String supportCentre, int shiftEndsUtcHour) {
    }
}
