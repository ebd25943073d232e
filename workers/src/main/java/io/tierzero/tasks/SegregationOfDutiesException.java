package io.tierzero.tasks;

/** The person may not complete this task: an approver who requested the ticket, or automation approving itself. */
public class SegregationOfDutiesException extends RuntimeException {

    public SegregationOfDutiesException(String message) {
        super(message);
    }
}
