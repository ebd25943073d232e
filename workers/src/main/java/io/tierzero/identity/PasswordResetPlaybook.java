package io.tierzero.identity;

import io.tierzero.communication.Communications;
import io.tierzero.remediation.ActionResult;
import io.tierzero.remediation.PlaybookAction;
import io.tierzero.remediation.PlaybookExecution;
import io.tierzero.ticket.Ticket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self-service password reset: a one-time link goes to the requester's registered, verified e-mail address; on the
 * page it opens, the requester proves who they are with their authenticator code (second factor) and chooses the new
 * password, which goes straight to the directory ({@link PasswordResets}). No password is ever sent or stored.
 */
@Component
public class PasswordResetPlaybook implements PlaybookAction {

    static final String PURPOSE = "password-reset";
    /** How long the link is good for; the lifecycle waits a little longer, then hands the ticket to a person. */
    static final Duration LINK_VALIDITY = Duration.ofMinutes(30);
    private static final Duration GRACE = Duration.ofMinutes(5);

    private final IdentityChecks checks;
    private final OneTimeSecrets secrets;
    private final Communications communications;
    private final SelfServiceLinks links;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public PasswordResetPlaybook(IdentityChecks checks, OneTimeSecrets secrets, Communications communications,
            SelfServiceLinks links, TransactionTemplate transaction, Clock clock) {
        this.checks = checks;
        this.secrets = secrets;
        this.communications = communications;
        this.links = links;
        this.transaction = transaction;
        this.clock = clock;
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
        String email = execution.input("verifiedChannel").substring("email:".length());
        Map<String, Object> details = Map.of("channel", "email", "sentTo", IdentityChecks.masked(email));
        Optional<Instant> pending = secrets.pendingExpiry(execution.executionId());
        if (pending.isPresent()) {
            return ActionResult.awaitingRequester("A reset link was already sent to " + IdentityChecks.masked(email),
                    details, Duration.between(Instant.now(clock), pending.get()).plus(GRACE));
        }
        transaction.executeWithoutResult(status -> {
            String code = secrets.issue(ticket.tenantId(), ticket.ticketId(), execution.executionId(), PURPOSE,
                    LINK_VALIDITY);
            communications.sendTo(ticket.ticketId(), "email", email, "password-reset-link",
                    Map.of("link", links.passwordReset(code), "account", execution.input("account"),
                            "validMinutes", LINK_VALIDITY.toMinutes()),
                    execution.executionId() + "/password-reset-link");
        });
        return ActionResult.awaitingRequester("One-time reset link sent to " + IdentityChecks.masked(email)
                + "; the requester confirms with their authenticator code", details, LINK_VALIDITY.plus(GRACE));
    }
}
