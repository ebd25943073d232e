package io.tierzero.identity;

import io.tierzero.remediation.ActionResult;
import io.tierzero.remediation.PlaybookAction;
import io.tierzero.remediation.PlaybookExecution;
import io.tierzero.ticket.Ticket;
import java.util.Map;
import org.springframework.stereotype.Component;


/**
 * Self-service password reset: a one-time link goes to the requester's registered, verified e-mail address; on the
 * page it opens, the requester proves who they are with their authenticator code (second factor) and chooses the new
 * password, which goes straight to the directory ({@link PasswordResets}). No password is ever sent or stored.
 */
@Component
public class PasswordResetPlaybook implements PlaybookAction {

    static final String PURPOSE = "password-reset";

    private final IdentityChecks checks;
    private final OneTimeLinks links;
    private final SelfServiceLinks pages;

    public PasswordResetPlaybook(IdentityChecks checks, OneTimeLinks links, SelfServiceLinks pages) {
        this.checks = checks;
        this.links = links;
        this.pages = pages;
    }

    @Override
    public String runbookId() {
        return "password-reset";
    }

    @Override
    public Map<String, String> resolveInputs(Ticket ticket) {
        DirectoryAccount account = checks.activeAccount(ticket);
        String email = checks.verifiedEmail(ticket);
        checks.secondFactorEnrolled(ticket);
        return Map.of("account", account.username(), "accountDn", account.distinguishedName(),
                "targetSystem", "directory", "verifiedChannel", "email:" + email);
    }

    @Override
    public ActionResult execute(PlaybookExecution execution, Ticket ticket) {
        return links.send(execution, ticket, PURPOSE, "password-reset-link", pages::passwordReset,
                Map.of("account", execution.input("account")),
                "One-time reset link (the requester confirms with their authenticator code)");
    }
}
