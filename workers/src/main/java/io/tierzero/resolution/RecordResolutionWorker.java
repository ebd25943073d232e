package io.tierzero.resolution;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import io.tierzero.ticket.TicketResolution;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class RecordResolutionWorker {

    private final TicketResolution resolution;

    public RecordResolutionWorker(TicketResolution resolution) {
        this.resolution = resolution;
    }

    @JobWorker(type = "ticket.resolve")
    public void resolve(ActivatedJob job, @Variable String ticketId,
                        @Variable(optional = true) String resolutionNotes) {
        resolution.resolve(UUID.fromString(ticketId), resolutionNotes, JobSteps.stepOf(job));
    }
}
