package io.tierzero.ticket;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The canonical request: whatever channel it came from, TierZero works on this. */
public record Ticket(
        String tenantId,
        UUID ticketId,
        String referenceNumber,
        TicketKind kind,
        Channel channel,
        String requesterId,
        String requesterName,
        String requesterEmail,
        Region region,
        String subject,
        String body,
        List<ExtractedEntity> entities,
        String ticketType,
        String category,
        BigDecimal categoryConfidence,
        Level impact,
        Level urgency,
        String priority,
        String assignmentGroup,
        String supportCentre,
        int supportTier,
        TicketState state,
        int reopenCount,
        Instant responseDueAt,
        Instant resolutionDueAt,
        Instant slaWarningAt,
        Instant slaPausedAt,
        Instant slaWarnedAt,
        boolean slaBreached,
        Instant shiftEndsAt,
        Long processInstanceKey,
        String processElementId,
        int processGeneration,
        int version,
        Instant createdAt,
        Instant updatedAt,
        Instant resolvedAt,
        Instant closedAt,
        String runbookId) {

    public boolean isClosed() {
        return state == TicketState.CLOSED;
    }
}
