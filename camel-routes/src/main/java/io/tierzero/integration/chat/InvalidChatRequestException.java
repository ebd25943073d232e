package io.tierzero.integration.chat;

/** A verified request whose body is not what the chat tool sends. */
class InvalidChatRequestException extends RuntimeException {

    InvalidChatRequestException(String message) {
        super(message);
    }
}
