package io.tierzero.selfservice;

import io.tierzero.ticket.TicketState;

/** "Did this resolve your issue?" is asked of a resolved request only. */
public class NotAwaitingAnswerException extends RuntimeException {

    public NotAwaitingAnswerException(String referenceNumber, TicketState state) {
        super(referenceNumber + " is " + state.value() + ": only a resolved request waits for your answer.");
    }
}
