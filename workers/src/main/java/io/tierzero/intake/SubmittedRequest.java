package io.tierzero.intake;

import io.tierzero.ticket.TicketState;
import java.util.UUID;

/** What the requester gets back: the ticket and the reference number to quote. */
public record SubmittedRequest(UUID ticketId, String referenceNumber, TicketState state, boolean replayed) {
}
