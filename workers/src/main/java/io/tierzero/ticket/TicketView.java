package io.tierzero.ticket;

import io.tierzero.audit.AuditEvent;
import java.util.List;

/** A ticket with its audit history, as the API shows it. */
public record TicketView(Ticket ticket, List<AuditEvent> history) {
}
