package io.tierzero.sla;

import java.time.Instant;

/** When the first response is due, when the SLA is at risk (75% of the resolution target) and when it breaches. */
public record SlaDueTimes(Instant responseDueAt, Instant warningAt, Instant breachAt) {
}
