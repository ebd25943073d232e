package io.tierzero.remediation;

/** A precondition of a playbook does not hold (no account, no verified channel, ...): a person takes over. */
public class PlaybookRefusedException extends RuntimeException {

    public PlaybookRefusedException(String reason) {
        super(reason);
    }
}
