package io.tierzero.communication;

import java.util.UUID;

public class OutboxMessageNotFoundException extends RuntimeException {

    public OutboxMessageNotFoundException(UUID messageId) {
        super("There is no outbound message " + messageId + ".");
    }
}
