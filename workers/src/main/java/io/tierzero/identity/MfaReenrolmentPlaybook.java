package io.tierzero.identity;

import io.tierzero.remediation.ActionResult;
import io.tierzero.remediation.PlaybookAction;
import io.tierzero.remediation.PlaybookExecution;
import io.tierzero.ticket.Ticket;
import java.util.Map;
import org.springframework.stereotype.Component;


/**
 * MFA re-enrolment (a lost or replaced phone). The runbook's approver (the line manager) verifies the requester's
 * identity before it runs; then a one-time link goes to the requester's verified e-mail address, and on its page
 * ({@link MfaEnrolments}) the requester adds a new authenticator and proves it with its first code. The old
 * authenticator stops working at that moment.
 */
@Component
public class MfaReenrolmentPlaybook implements PlaybookAction {

    static final String PURPOSE = "mfa-enrolment";

    private final IdentityChecks checks;
    private final OneTimeLinks links;
    private final SelfServiceLinks pages;

    public MfaReenrolmentPlaybook(IdentityChecks checks, OneTimeLinks links, SelfServiceLinks pages) {
        this.checks = checks;
        this.links = links;
        this.pages = pages;
    }

    @Override
    public String runbookId() {
        return "mfa-reset";
    }

    @Override
    public Map<String, String> resolveInputs(Ticket ticket) {
        DirectoryAccount account = checks.activeAccount(ticket);
        return Map.of("account", account.username(), "targetSystem", "tierzero-second-factor",
                "verifiedChannel", "email:" + checks.verifiedEmail(ticket));
    }

    @Override
    public ActionResult execute(PlaybookExecution execution, Ticket ticket) {
        return links.send(execution, ticket, PURPOSE, "mfa-enrolment-link", pages::mfaEnrolment, Map.of(),
                "One-time enrolment link (after the approver verified the requester's identity)");
    }
}
