package io.tierzero.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's service-desk KPIs for a period [from, to). Durations are in seconds; rates are fractions between 0
 * and 1, null (a JSON null, never left out) when there is nothing to divide by. The definitions are in
 * {@link KpiRepository}.
 */
public record KpiReport(String tenantId, Instant from, Instant to, Volume volume, Automation automation,
        FirstResponse firstResponse, ResolutionTimes resolutionTimes, SlaAttainment slaAttainment,
        Escalation escalation, Reassignment reassignment, ModelAccuracy modelAccuracy) {

    /** Tickets created, resolved and closed in the period (each counted by its own timestamp). */
    public record Volume(long created, long resolved, long closed) {
    }

    /** Of the tickets resolved in the period, those resolved with no engineer (the deflection rate). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Automation(long resolved, long automated, long human, Double rate) {
    }

    /** Count, mean, median and 90th percentile of durations; the statistics are null when the count is 0. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Durations(long count, Double meanSeconds, Double medianSeconds, Double p90Seconds) {

        public static final Durations NONE = new Durations(0, null, null, null);
    }

    /** Durations of all tickets, and of the automated and the human ones apart. */
    public record Split(Durations all, Durations automated, Durations human) {
    }

    /** Of the tickets created in the period, how many got a first response, and how fast. */
    public record FirstResponse(long created, long responded, Split times) {
    }

    /** Created to resolved, for the tickets resolved in the period: overall, per priority, per category. */
    public record ResolutionTimes(Split overall, List<PriorityTimes> byPriority, List<CategoryTimes> byCategory) {
    }

    /** {@code priority} is "unset" for tickets without one. */
    public record PriorityTimes(String priority, Durations all, Durations automated, Durations human) {
    }

    /** {@code category} is "unset" for tickets without one. */
    public record CategoryTimes(String category, Durations all, Durations automated, Durations human) {
    }

    /** Tickets resolved in the period within their resolution target, of those that had one. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SlaAttainment(long resolvedWithTarget, long met, Double attainment, long resolvedWithoutTarget,
            List<PrioritySla> byPriority) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PrioritySla(String priority, long resolved, long met, Double attainment) {
    }

    /**
     * Of the tickets created in the period: those handed to people (a task in a support group's queue), those
     * escalated to a higher support tier, and, of those automation tried, the ones it handed to people.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Escalation(long tickets, long handedToPeople, Double rate, long escalatedToHigherTier,
            Double higherTierRate, long automationAttempted, long automationHandedToPeople) {
    }

    /**
     * Of the tickets created in the period: those moved to another group at least once, and the ping-pong ones
     * (back to a group they had before, or moved more than {@code maxReassignments} times).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Reassignment(long tickets, long reassigned, long pingPong, Double pingPongRate,
            int maxReassignments) {
    }

    /**
     * The triage model's group predictions made on the UTC days of the period, against the outcomes confirmed
     * since (the drift report's figures, summed over those days).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ModelAccuracy(long predictions, long outcomes, long correct, Double accuracy,
            List<ModelVersionAccuracy> byModelVersion) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ModelVersionAccuracy(String modelVersion, Double validationAccuracy, long predictions,
            long outcomes, long correct, Double accuracy) {
    }
}
