package io.tierzero.integration.chat;

/** The request does not prove it comes from the chat tool (signature, timestamp or secret missing or wrong). */
class UnverifiedChatRequestException extends RuntimeException {

    UnverifiedChatRequestException(String message) {
        super(message);
    }
}
