package io.tierzero.ticket;

import java.util.UUID;

/**
 * Published when the requester's answer to "did this resolve your issue?" is acted on (closed, or reopened): what
 * learns from outcomes (the triage model's prediction log, the playbooks' statistics) listens for it.
 */
public record RequesterAnswered(UUID ticketId, boolean confirmed) {
}
