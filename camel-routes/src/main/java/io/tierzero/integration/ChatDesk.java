package io.tierzero.integration;

/** Where the chat bots hand what users ask; TierZero's intake implements it. */
public interface ChatDesk {

    /** The answer to show the user. Opening a request is done once per delivery id, however often it is sent. */
    String answer(ChatCommand command);
}
