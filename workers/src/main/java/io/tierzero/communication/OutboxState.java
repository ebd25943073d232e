package io.tierzero.communication;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * pending: not tried yet; failed: the latest attempt failed and another is due at the message's next attempt;
 * sent; dead: refused by the channel or out of attempts, sent again only when someone retries it.
 */
public enum OutboxState {
    PENDING, FAILED, SENT, DEAD;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    public static OutboxState of(String value) {
        return Arrays.stream(values()).filter(state -> state.value().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidOutboxQueryException("'" + value + "' is not an outbox state: use one of "
                        + Arrays.stream(values()).map(OutboxState::value).collect(Collectors.joining(", ")) + "."));
    }
}
