package io.tierzero.remediation;

import io.tierzero.ticket.ProcessStep;
import io.tierzero.ticket.TicketLifecycle;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Runs the playbook of a runbook. No playbook is registered yet (the Tier-1 automation issue adds them), so
 * every attempt is reported as unavailable and the ticket goes to a human.
 */
@Service
public class Remediation {

    private final TicketLifecycle lifecycle;

    public Remediation(TicketLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public RemediationOutcome run(UUID ticketId, String runbookId, ProcessStep step) {
        lifecycle.change(ticketId, "remediation.unavailable")
                .during(step)
                .because("No playbook is registered for runbook " + runbookId)
                .note("runbookId", runbookId)
                .apply();
        return RemediationOutcome.UNAVAILABLE;
    }
}
