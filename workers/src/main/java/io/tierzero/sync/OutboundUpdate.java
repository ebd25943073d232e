package io.tierzero.sync;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.UUID;

/** One update waiting for, or given to, a connected system. */
public record OutboundUpdate(
        long updateId,
        String tenantId,
        String connectionId,
        UUID ticketId,
        long eventSequence,
        Kind kind,
        String comment,
        boolean publicReply,
        String state,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    public enum Kind {
        CREATE, UPDATE, COMMENT;

        @JsonValue
        public String value() {
            return name().toLowerCase();
        }
    }
}
