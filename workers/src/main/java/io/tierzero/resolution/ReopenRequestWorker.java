package io.tierzero.resolution;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import io.tierzero.ticket.TicketResolution;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class ReopenRequestWorker {

    private final TicketResolution resolution;

    public ReopenRequestWorker(TicketResolution resolution) {
        this.resolution = resolution;
    }

    @JobWorker(type = "ticket.reopen")
    public void reopen(ActivatedJob job, @Variable String ticketId) {
        resolution.reopen(UUID.fromString(ticketId), JobSteps.stepOf(job));
    }
}
