package io.tierzero.selfservice;

import java.util.UUID;

/** What a confirmation link says: the requester's answer for one round of the question on one ticket. */
public record ConfirmationClaim(UUID ticketId, String tenantId, boolean resolved, int reopenCount) {
}
