package io.tierzero.triage;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Which triage model this instance uses, and the last one it could not load. Always UP: without a model triage
 * still works (confidence 0, every ticket to a person), and a failed swap keeps the previous model.
 */
@Component("triageModel")
class TriageModelHealthIndicator extends AbstractHealthIndicator {

    private final ActiveTriageModel activeModel;

    TriageModelHealthIndicator(ActiveTriageModel activeModel) {
        this.activeModel = activeModel;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("inUse", activeModel.current().map(ActiveTriageModel.LoadedModel::version).orElse("none"));
        activeModel.lastFailure().ifPresent(failure -> builder
                .withDetail("failedVersion", failure.version())
                .withDetail("failure", failure.error())
                .withDetail("failedAt", failure.at().toString()));
    }
}
