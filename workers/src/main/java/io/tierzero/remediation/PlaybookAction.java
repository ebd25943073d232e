package io.tierzero.remediation;

import io.tierzero.ticket.Ticket;
import java.util.Map;

/**
 * The code behind an automated runbook. The runbook (runbooks/*.md) declares the playbook's owner, risk, approval,
 * inputs, steps, verification and rollback for people; the action carries them out.
 */
public interface PlaybookAction {

    /** The input that marks a grant of sensitive access ("true"): the approval policy then asks the security team. */
    String SENSITIVE_INPUT = "sensitive";

    /** The runbook this action automates. */
    String runbookId();

    /**
     * Looks up and checks everything the action needs (the account, the requester's verified channel, ...), and
     * changes nothing: this is all a dry run does.
     *
     * @throws PlaybookRefusedException when a precondition fails; the ticket then goes to a person
     */
    Map<String, String> resolveInputs(Ticket ticket);

    /**
     * Carries out the steps, verifies the result, and rolls back what it changed when verification fails.
     * Called again for the same execution after a crash: every step must be idempotent.
     */
    ActionResult execute(PlaybookExecution execution, Ticket ticket);
}
