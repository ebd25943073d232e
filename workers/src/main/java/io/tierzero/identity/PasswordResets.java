package io.tierzero.identity;

import io.tierzero.remediation.ActionResult;
import io.tierzero.remediation.PlaybookExecution;
import io.tierzero.remediation.PlaybookExecutions;
import io.tierzero.remediation.Remediation;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketRepository;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The requester's part of a password reset, on the page the one-time link opens: second factor, new password,
 * directory, verification. Outcomes that end the attempt (reset done, identity not verified) move the ticket's
 * lifecycle on; outcomes the requester can correct (a weak password, the directory briefly down) leave the link valid.
 */
@Service
public class PasswordResets {

    static final int MAX_FAILED_CODES = 3;
    static final int MIN_PASSWORD_LENGTH = 12;

    private final OneTimeSecrets secrets;
    private final SecondFactors secondFactors;
    private final PlaybookExecutions executions;
    private final TicketRepository tickets;
    private final IdentityChecks checks;
    private final Remediation remediation;

    public PasswordResets(OneTimeSecrets secrets, SecondFactors secondFactors, PlaybookExecutions executions,
            TicketRepository tickets, IdentityChecks checks, Remediation remediation) {
        this.secrets = secrets;
        this.secondFactors = secondFactors;
        this.executions = executions;
        this.tickets = tickets;
        this.checks = checks;
        this.remediation = remediation;
    }

    /** The account a valid link is for, to greet the requester; empty when the link is not (or no longer) valid. */
    public Optional<String> accountFor(String code) {
        return secrets.redeemable(code, PasswordResetPlaybook.PURPOSE)
                .flatMap(secret -> executions.find(secret.tenantId(), secret.executionId()))
                .map(execution -> execution.input("account"));
    }

    public Outcome complete(String code, String authenticatorCode, String newPassword, String repeatedPassword) {
        Optional<OneTimeSecrets.IssuedSecret> found = secrets.redeemable(code, PasswordResetPlaybook.PURPOSE);
        if (found.isEmpty()) {
            return Outcome.LINK_INVALID;
        }
        OneTimeSecrets.IssuedSecret secret = found.get();
        PlaybookExecution execution = executions.find(secret.tenantId(), secret.executionId()).orElseThrow();
        Ticket ticket = tickets.get(secret.ticketId());
        // the password is checked first: a code is good once, and a refused password should not use it up
        String problem = passwordProblem(execution.input("account"), newPassword, repeatedPassword);
        if (problem != null) {
            return Outcome.passwordRefused(problem);
        }
        if (!secondFactors.verify(ticket.tenantId(), ticket.requesterId(), authenticatorCode)) {
            if (secrets.failedAttempt(secret.secretId()) < MAX_FAILED_CODES) {
                return Outcome.CODE_WRONG;
            }
            if (secrets.use(secret.secretId())) {
                remediation.completeByRequester(execution, ActionResult.failed(
                        "Identity not verified: " + MAX_FAILED_CODES + " wrong authenticator codes; the link is void",
                        Map.of("failedCodes", MAX_FAILED_CODES)));
            }
            return Outcome.IDENTITY_NOT_VERIFIED;
        }
        DirectoryAccount account = new DirectoryAccount(execution.input("account"), execution.input("accountDn"),
                null, null, false, false);
        Directory directory = checks.directoryOf(ticket);
        try {
            directory.setPassword(account, newPassword);
        } catch (PasswordRejectedException e) {
            return Outcome.passwordRefused(e.getMessage());
        } catch (DirectoryUnavailableException e) {
            return Outcome.DIRECTORY_UNAVAILABLE;
        }
        if (!secrets.use(secret.secretId())) {
            return Outcome.LINK_INVALID;
        }
        boolean verified;
        try {
            verified = directory.authenticates(account, newPassword);
        } catch (DirectoryUnavailableException e) {
            verified = false;
        }
        remediation.completeByRequester(execution, verified
                ? ActionResult.succeeded("Password of " + account.username() + " reset by the requester after "
                        + "second-factor verification; sign-in with the new password verified", Map.of("signInVerified", true))
                : ActionResult.failed("The directory took the new password of " + account.username()
                        + " but a sign-in with it could not be verified", Map.of("signInVerified", false)));
        return verified ? Outcome.RESET : Outcome.VERIFICATION_FAILED;
    }

    private static String passwordProblem(String account, String password, String repeated) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return "The new password must have at least " + MIN_PASSWORD_LENGTH + " characters.";
        }
        if (!password.equals(repeated)) {
            return "The two passwords differ.";
        }
        if (password.toLowerCase().contains(account.toLowerCase())) {
            return "The new password must not contain your user name.";
        }
        return null;
    }

    /** How the requester's attempt ended, and whether they can try again with the same link. */
    public record Outcome(String kind, String message, boolean canRetry) {

        static final Outcome RESET = new Outcome("reset", "Your password has been changed. You can sign in with it now.", false);
        static final Outcome LINK_INVALID = new Outcome("link-invalid",
                "This link is not valid any more: it was used, it expired, or it is incomplete.", false);
        static final Outcome CODE_WRONG = new Outcome("code-wrong", "The authenticator code is not right. Try the current code.", true);
        static final Outcome IDENTITY_NOT_VERIFIED = new Outcome("identity-not-verified",
                "Your identity could not be verified, so the link is now void. An engineer will contact you.", false);
        static final Outcome DIRECTORY_UNAVAILABLE = new Outcome("directory-unavailable",
                "The directory cannot be reached just now. Nothing was changed; please try again in a few minutes.", true);
        static final Outcome VERIFICATION_FAILED = new Outcome("verification-failed",
                "The new password could not be verified. An engineer will contact you.", false);

        static Outcome passwordRefused(String reason) {
            return new Outcome("password-refused", reason, true);
        }
    }
}
