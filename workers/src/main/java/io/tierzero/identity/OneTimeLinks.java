package io.tierzero.identity;

import io.tierzero.communication.Communications;
import io.tierzero.remediation.ActionResult;
import io.tierzero.remediation.PlaybookExecution;
import io.tierzero.ticket.Ticket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The step identity playbooks share: a one-time link, good for 30 minutes, sent to the verified e-mail address the
 * execution's inputs name; the lifecycle then waits a little longer for the requester to finish on its page.
 */
@Component
class OneTimeLinks {

    static final Duration VALIDITY = Duration.ofMinutes(30);
    private static final Duration GRACE = Duration.ofMinutes(5);

    private final OneTimeSecrets secrets;
    private final Communications communications;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OneTimeLinks(OneTimeSecrets secrets, Communications communications, TransactionTemplate transaction, Clock clock) {
        this.secrets = secrets;
        this.communications = communications;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Sends the link once per execution: a retried step finds the link still valid and does not send another.
     *
     * @param linkTo   the page's address for a secret's code
     * @param values   what the message template needs besides the link and its validity
     * @param sentWhat how the execution record describes the link sent, e.g. "One-time reset link"
     */
    ActionResult send(PlaybookExecution execution, Ticket ticket, String purpose, String templateId,
            UnaryOperator<String> linkTo, Map<String, Object> values, String sentWhat) {
        String email = execution.input("verifiedChannel").substring("email:".length());
        Map<String, Object> details = Map.of("channel", "email", "sentTo", IdentityChecks.masked(email));
        Optional<Instant> pending = secrets.pendingExpiry(execution.executionId());
        if (pending.isPresent()) {
            return ActionResult.awaitingRequester(sentWhat + " was already sent to " + IdentityChecks.masked(email),
                    details, Duration.between(Instant.now(clock), pending.get()).plus(GRACE));
        }
        transaction.executeWithoutResult(status -> {
            String code = secrets.issue(ticket.tenantId(), ticket.ticketId(), execution.executionId(), purpose, VALIDITY);
            Map<String, Object> message = new HashMap<>(values);
            message.put("link", linkTo.apply(code));
            message.put("validMinutes", VALIDITY.toMinutes());
            communications.sendTo(ticket.ticketId(), "email", email, templateId, message,
                    execution.executionId() + "/" + templateId);
        });
        return ActionResult.awaitingRequester(sentWhat + " sent to " + IdentityChecks.masked(email), details,
                VALIDITY.plus(GRACE));
    }
}
