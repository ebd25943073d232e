package io.tierzero.communication;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tells the requester which group now has the ticket and when it will respond (the ticket's own fields). */
@Component
public class NotifyEscalationWorker {

    private final Communications communications;

    public NotifyEscalationWorker(Communications communications) {
        this.communications = communications;
    }

    @JobWorker(type = "communication.notify-escalation")
    public void notifyEscalation(ActivatedJob job, @Variable String ticketId) {
        communications.send(UUID.fromString(ticketId), "escalated", Map.of(), JobSteps.stepOf(job));
    }
}
