package io.tierzero.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket's SLA as the API shows it. The calendar is the one the current due times were laid out on; the paused
 * time is wall-clock time spent waiting for the customer (pausedSince is set while it waits).
 */
public record TicketSlaView(
        UUID ticketId,
        String priority,
        Targets targets,
        String clock,
        Calendar calendar,
        Instant startedAt,
        Instant pausedSince,
        long pausedSeconds,
        Verdict response,
        Instant atRiskAt,
        Instant atRiskWarnedAt,
        Verdict resolution,
        boolean breachRecorded) {

    public record Targets(Integer responseMinutes, Integer resolutionMinutes) {
    }

    public record Calendar(String name, String zone) {
    }

    /**
     * A due time and, once known, when it was done and whether that met it (null until known). For the resolution
     * that is the first one: a reopened ticket keeps it.
     */
    public record Verdict(Instant dueAt, Instant doneAt, Boolean met) {
    }

    static TicketSlaView of(TicketSla sla, BusinessCalendar calendar) {
        return new TicketSlaView(sla.ticketId(), sla.priority(),
                new Targets(sla.responseTargetMinutes(), sla.resolutionTargetMinutes()), sla.clock(),
                calendar == null ? null : new Calendar(calendar.name(), calendar.zone().getId()),
                sla.startedAt(), sla.pausedAt(), sla.pausedTotal().toSeconds(),
                new Verdict(sla.responseDueAt(), sla.respondedAt(), sla.responseMet()),
                sla.warningAt(), sla.warnedAt(),
                new Verdict(sla.resolutionDueAt(), sla.firstResolvedAt(), sla.resolutionMet()), sla.breached());
    }
}
