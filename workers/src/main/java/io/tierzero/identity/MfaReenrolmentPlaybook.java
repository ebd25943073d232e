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
 * MFA re-enrolment (a lost or replaced phone). The runbook's approver (the line manager) verifies the requester's
 * identity before it runs; then a one-time link goes to the requester's verified e-mail address, and on its page
 * ({@link MfaEnrolments}) the requester adds a new authenticator and proves it with its first code. The old
 * authenticator stops working at that moment.
 */
@Component
public class MfaReenrolmentPlaybook implements PlaybookAction {

    static final String PURPOSE = "mfa-enrolment";
    static final Duration LINK_VALIDITY = Duration.ofMinutes(30);
    private static final Duration GRACE = Duration.ofMinutes(5);

    private final IdentityChecks checks;
    private final OneTimeSecrets secrets;
    private final Communications communications;
    private final SelfServiceLinks links;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public MfaReenrolmentPlaybook(IdentityChecks checks, OneTimeSecrets secrets, Communications communications,
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
        String email = execution.input("verifiedChannel").substring("email:".length());
        Map<String, Object> details = Map.of("channel", "email", "sentTo", IdentityChecks.masked(email));
        Optional<Instant> pending = secrets.pendingExpiry(execution.executionId());
        if (pending.isPresent()) {
            return ActionResult.awaitingRequester("An enrolment link was already sent to " + IdentityChecks.masked(email),
                    details, Duration.between(Instant.now(clock), pending.get()).plus(GRACE));
        }
        transaction.executeWithoutResult(status -> {
            String code = secrets.issue(ticket.tenantId(), ticket.ticketId(), execution.executionId(), PURPOSE,
                    LINK_VALIDITY);
            communications.sendTo(ticket.ticketId(), "email", email, "mfa-enrolment-link",
                    Map.of("link", links.mfaEnrolment(code), "validMinutes", LINK_VALIDITY.toMinutes()),
                    execution.executionId() + "/mfa-enrolment-link");
        });
        return ActionResult.awaitingRequester("One-time enrolment link sent to " + IdentityChecks.masked(email)
                + " after the approver verified the requester's identity", details, LINK_VALIDITY.plus(GRACE));
    }
}
