package io.tierzero.ops;

/** The TierZero ticket a process instance works on, as its variables name it (tenantId, ticketId, referenceNumber). */
public record InstanceTicket(String tenantId, String ticketId, String referenceNumber) {
}
