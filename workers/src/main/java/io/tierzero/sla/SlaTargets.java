package io.tierzero.sla;

/** The result of decisions/sla-targets.dmn: the targets and the clock they run on. */
public record SlaTargets(long responseMinutes, long resolutionMinutes, SlaClockMode clock) {
}
