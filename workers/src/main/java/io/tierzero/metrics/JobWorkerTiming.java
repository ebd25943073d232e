package io.tierzero.metrics;

import io.camunda.client.annotation.JobWorker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.stereotype.Component;

/**
 * Times every job worker call as {@code tierzero_worker_latency_seconds{type, outcome}}: the Camunda client counts
 * jobs but does not time them. Outcome is "completed" or the failure's class, which Zeebe retries or raises as an
 * incident.
 */
@Aspect
@Component
class JobWorkerTiming {

    private final MeterRegistry registry;

    JobWorkerTiming(MeterRegistry registry) {
        this.registry = registry;
    }

    @Around("@annotation(worker)")
    Object time(ProceedingJoinPoint call, JobWorker worker) throws Throwable {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "completed";
        try {
            return call.proceed();
        } catch (Throwable failure) {
            outcome = failure.getClass().getSimpleName();
            throw failure;
        } finally {
            sample.stop(Timer.builder("tierzero.worker.latency")
                    .description("Time a job worker took to handle a job")
                    .tag("type", worker.type())
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }
}
