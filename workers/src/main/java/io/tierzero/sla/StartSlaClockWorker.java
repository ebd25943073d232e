package io.tierzero.sla;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.tierzero.process.JobSteps;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
public class StartSlaClockWorker {

    private final SlaClock slaClock;

    public StartSlaClockWorker(SlaClock slaClock) {
        this.slaClock = slaClock;
    }

    @JobWorker(type = "sla.start-clock")
    public Map<String, Object> startClock(ActivatedJob job, @Variable String ticketId, @Variable String priority,
                                          @Variable SlaTargetsDecision slaTargets) {
        SlaDueTimes due = slaClock.start(UUID.fromString(ticketId), priority, slaTargets.toTargets(), JobSteps.stepOf(job));
        return SlaVariables.of(due);
    }

    /** The result of decisions/sla-targets.dmn as the engine gives it. */
    public record SlaTargetsDecision(long responseMinutes, long resolutionMinutes, String clock) {

        SlaTargets toTargets() {
            return new SlaTargets(responseMinutes, resolutionMinutes, SlaClockMode.of(clock));
        }
    }
}
