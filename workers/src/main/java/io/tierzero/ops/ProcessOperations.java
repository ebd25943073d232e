package io.tierzero.ops;

import java.util.List;
import java.time.Instant;

/**
 * What operations staff see of the process engine and the one thing they do to it: running instances per process
 * and element, open incidents, jobs failing with retries left, and the retry of an incident. One adapter reads the
 * embedded engine's records, the other a Camunda cluster's search API.
 */
public interface ProcessOperations {

    /** Every deployed process with its active instances and the active element instances per element. */
    List<ProcessActivity> processes();

    /** Incidents not yet resolved, oldest first. */
    List<OpenIncident> openIncidents();

    /** The incident as the engine last reported it: open, resolved, or never seen. */
    IncidentLookup incident(long incidentKey);

    /** Jobs whose last attempt failed and that the engine will still hand out again (retries left). */
    List<FailingJob> failingJobs();

    /**
     * Gives the incident's job {@code retries} more attempts (when the incident comes from a job) and resolves the
     * incident, so the engine tries the step again.
     *
     * @throws IncidentAlreadyResolvedException when the engine finds the incident resolved in the meantime
     */
    void retry(OpenIncident incident, int retries);

    /** The answer of {@link #incident(long)}. */
    sealed interface IncidentLookup {
        record Open(OpenIncident incident) implements IncidentLookup {
        }

        record Resolved(long incidentKey, Instant resolvedAt) implements IncidentLookup {
        }

        record Unknown(long incidentKey) implements IncidentLookup {
        }
    }
}
