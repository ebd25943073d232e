package io.tierzero.sync;

import io.tierzero.integration.ExternalTicket;
import io.tierzero.integration.TicketField;
import io.tierzero.integration.TicketSnapshot;
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

    /** A connected system that does not carry a field (RT has no assignment group) leaves TierZero's value alone. */
    static Map<TicketField, String> of(ExternalTicket ticket) {
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
