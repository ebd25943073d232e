package io.tierzero.communication;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** A message in the outbox. The body and the full address stay out of the API (links, webhook credentials). */
public record OutboundMessage(
        UUID messageId,
        String tenantId,
        UUID ticketId,
        @JsonIgnore String idempotencyKey,
        @JsonIgnore Recipient recipient,
        String templateId,
        String subject,
        @JsonIgnore String body,
        OutboxState state,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        Instant sentAt) {

    @JsonProperty
    public ChannelKind channel() {
        return recipient.kind();
    }

    @JsonProperty
    public String to() {
        return recipient.describe();
    }
}
