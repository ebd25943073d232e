package io.tierzero.communication;

import java.util.UUID;

public class MessageNotRetryableException extends RuntimeException {

    public MessageNotRetryableException(UUID messageId, OutboxState state) {
        super("Message " + messageId + " is " + state.value() + ": only dead messages can be retried.");
    }
}
