package io.tierzero.integration;

import java.util.List;

/** TierZero's side of a synchronised ticket: what is written to a connected system. */
public record TicketSnapshot(
        String tenantId,
        String ticketId,
        String referenceNumber,
        String subject,
        String description,
        String state,
        String priority,
        String assignmentGroup,
        String requesterId,
        String requesterName,
        String requesterEmail,
        List<String> configurationItems) {

    public TicketSnapshot {
        configurationItems = configurationItems == null ? List.of() : List.copyOf(configurationItems);
    }

    /** The same ticket, naming these configuration items by their ids in the connected system. */
    public TicketSnapshot withConfigurationItems(List<String> externalIds) {
        return new TicketSnapshot(tenantId, ticketId, referenceNumber, subject, description, state, priority,
                assignmentGroup, requesterId, requesterName, requesterEmail, externalIds);
    }

    public Object valueOf(TicketField field) {
        return switch (field) {
            case SUBJECT -> subject;
            case DESCRIPTION -> description;
            case STATE -> state;
            case PRIORITY -> priority;
            case ASSIGNMENT_GROUP -> assignmentGroup;
        };
    }
}
