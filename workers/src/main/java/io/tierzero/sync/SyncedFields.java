package io.tierzero.sync;

import io.tierzero.integration.Connection;
import io.tierzero.integration.ExternalTicket;
import io.tierzero.integration.TicketField;
import io.tierzero.integration.TicketSnapshot;
import io.tierzero.integration.TicketSystemConnector;
import io.tierzero.ticket.Ticket;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The synchronised fields of either side, as comparable values. */
final class SyncedFields {

    private SyncedFields() {
    }

    static TicketSnapshot snapshot(Ticket ticket) {
        return new TicketSnapshot(ticket.tenantId(), ticket.ticketId().toString(), ticket.referenceNumber(),
                ticket.subject(), ticket.body(), ticket.state().value(), ticket.priority(), ticket.assignmentGroup(),
                ticket.requesterId(), ticket.requesterName(), ticket.requesterEmail(), List.of());
    }

    static Map<TicketField, String> of(TicketSnapshot ticket) {
        Map<TicketField, String> values = new EnumMap<>(TicketField.class);
        for (TicketField field : TicketField.values()) {
            Object value = ticket.valueOf(field);
            values.put(field, value == null ? null : value.toString());
        }
        return values;
    }

    /**
     * The record's values as TierZero compares them. A system that does not carry a field (RT has no assignment
     * group) leaves TierZero's value alone; a state the system holds for TierZero's current state (RT's "open"
     * for both assigned and in progress) counts as TierZero's state.
     */
    static Map<TicketField, String> of(ExternalTicket ticket, String ourState, TicketSystemConnector connector,
                                       Connection connection) {
        Map<TicketField, String> values = of(ticket);
        if (ticket.externalState() != null
                && ticket.externalState().equalsIgnoreCase(String.valueOf(connector.externalState(connection, ourState)))) {
            values.put(TicketField.STATE, ourState);
        }
        return values;
    }

    private static Map<TicketField, String> of(ExternalTicket ticket) {
        Map<TicketField, String> values = new EnumMap<>(TicketField.class);
        values.put(TicketField.SUBJECT, ticket.subject());
        values.put(TicketField.DESCRIPTION, ticket.description());
        values.put(TicketField.STATE, ticket.state());
        values.put(TicketField.PRIORITY, ticket.priority());
        values.put(TicketField.ASSIGNMENT_GROUP, ticket.assignmentGroup());
        values.values().removeIf(Objects::isNull);
        return values;
    }

    /** Comment text as both sides store it: systems may trim or re-wrap trailing whitespace. */
    static boolean sameText(String one, String other) {
        return one != null && other != null && one.strip().equals(other.strip());
    }
}
