package io.tierzero.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket's SLA as recorded: the targets and the clock and calendar they follow, the due times, the pause, and
 * the verdicts on first response and resolution (null until known).
 */
public record TicketSla(
        String tenantId,
        UUID ticketId,
        String priority,
        String clock,
        String calendar,
        Instant startedAt,
        Integer responseTargetMinutes,
        Integer resolutionTargetMinutes,
        Instant responseDueAt,
        Instant warningAt,
        Instant resolutionDueAt,
        Instant pausedAt,
        Duration pausedTotal,
        Duration responseRemaining,
        Duration warningRemaining,
        Duration resolutionRemaining,
        Instant warnedAt,
        boolean breached,
        Instant respondedAt,
        Boolean responseMet,
        Instant firstResolvedAt,
        Boolean resolutionMet) {
}
