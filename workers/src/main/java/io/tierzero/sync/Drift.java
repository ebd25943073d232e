package io.tierzero.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.UUID;

/**
 * One difference reconciliation found between TierZero and a connected system, about a ticket or a configuration
 * item, and how it was repaired.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Drift(
        UUID runId,
        String connectionId,
        UUID ticketId,
        String configurationItem,
        String externalId,
        Kind kind,
        String field,
        String tierZeroValue,
        String externalValue,
        String repair,
        Instant foundAt) {

    public enum Kind {
        MISSING_EXTERNAL, MISSING_IN_TIERZERO, FIELD_DIFFERS, CONFLICT;

        @JsonValue
        public String value() {
            return switch (this) {
                case MISSING_EXTERNAL -> "missing-external";
                case MISSING_IN_TIERZERO -> "missing-in-tierzero";
                case FIELD_DIFFERS -> "field-differs";
                case CONFLICT -> "conflict";
            };
        }

        static Kind of(String value) {
            for (Kind kind : values()) {
                if (kind.value().equals(value)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException(value);
        }
    }
}
