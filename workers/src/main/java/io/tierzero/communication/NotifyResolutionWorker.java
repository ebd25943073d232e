package io.tierzero.communication;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class NotifyResolutionWorker {

    private final Communications communications;

    public NotifyResolutionWorker(Communications communications) {
        this.communications = communications;
    }

    @JobWorker(type = "communication.notify-resolution")
    public void notifyResolution(ActivatedJob job, @Variable String ticketId,
                                 @Variable(optional = true) String resolutionNotes) {
        Map<String, Object> values = resolutionNotes == null || resolutionNotes.isBlank()
                ? Map.of() : Map.of("resolutionNotes", resolutionNotes);
        communications.send(UUID.fromString(ticketId), "resolved", values, JobSteps.stepOf(job));
    }
}
