package io.tierzero.resolution;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import io.tierzero.ticket.ClosureReason;
import io.tierzero.ticket.TicketResolution;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class CloseTicketWorker {

    private final TicketResolution resolution;

    public CloseTicketWorker(TicketResolution resolution) {
        this.resolution = resolution;
    }

    @JobWorker(type = "ticket.close")
    public void close(ActivatedJob job, @Variable String ticketId, @Variable String closeReason) {
        resolution.close(UUID.fromString(ticketId), ClosureReason.ofCode(closeReason), JobSteps.stepOf(job));
    }
}
