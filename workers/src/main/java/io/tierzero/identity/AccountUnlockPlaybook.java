package io.tierzero.identity;

import io.tierzero.remediation.ActionResult;
import io.tierzero.remediation.PlaybookAction;
import io.tierzero.remediation.PlaybookExecution;
import io.tierzero.remediation.PlaybookRefusedException;
import io.tierzero.ticket.Ticket;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Unlocks a directory account locked by failed sign-ins. Unlocking grants nothing without the password, so it runs
 * without a second factor; the requester is told over their verified channel. Verified by reading the account back.
 * An unlock the directory did not take leaves the account as it was (locked), so there is nothing to roll back.
 */
@Component
public class AccountUnlockPlaybook implements PlaybookAction {

    private final IdentityChecks checks;

    public AccountUnlockPlaybook(IdentityChecks checks) {
        this.checks = checks;
    }

    @Override
    public String runbookId() {
        return "account-unlock";
    }

    @Override
    public Map<String, String> resolveInputs(Ticket ticket) {
        DirectoryAccount account = checks.activeAccount(ticket);
        String email = checks.verifiedEmail(ticket);
        if (!account.locked()) {
            throw new PlaybookRefusedException("The account " + account.username()
                    + " is not locked in the directory: the sign-in problem has another cause");
        }
        return Map.of("account", account.username(), "accountDn", account.distinguishedName(),
                "targetSystem", "directory", "verifiedChannel", "email:" + email);
    }

    @Override
    public ActionResult execute(PlaybookExecution execution, Ticket ticket) {
        Directory directory = checks.directoryOf(ticket);
        DirectoryAccount account = checks.account(ticket);
        try {
            directory.unlock(account);
            if (checks.account(ticket).locked()) {
                return ActionResult.failed("The directory still reports " + account.username()
                        + " locked after the unlock (a policy or a replica may lock it again)", Map.of());
            }
        } catch (DirectoryUnavailableException e) {
            return ActionResult.failed("The directory became unavailable during the unlock: " + e.getMessage(), Map.of());
        }
        return ActionResult.succeeded("Account " + account.username() + " unlocked; the directory reports it unlocked",
                Map.of("account", account.username()));
    }
}
