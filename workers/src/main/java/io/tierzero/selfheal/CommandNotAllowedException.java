package io.tierzero.selfheal;

import io.tierzero.remediation.PlaybookRefusedException;

/** A command that is not on the allow-list, or an argument that does not fit it: refused before connecting. */
public class CommandNotAllowedException extends PlaybookRefusedException {

    public CommandNotAllowedException(String reason) {
        super(reason);
    }
}
