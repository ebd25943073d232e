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
 * The requester's part of an MFA re-enrolment, on the page of the one-time link: the page shows a new secret; the
 * requester adds it to their authenticator app and types its first code, which proves the app has it.
 */
@Service
public class MfaEnrolments {

    private final OneTimeSecrets secrets;
    private final SecondFactors secondFactors;
    private final PlaybookExecutions executions;
    private final TicketRepository tickets;
    private final Remediation remediation;

    public MfaEnrolments(OneTimeSecrets secrets, SecondFactors secondFactors, PlaybookExecutions executions,
            TicketRepository tickets, Remediation remediation) {
        this.secrets = secrets;
        this.secondFactors = secondFactors;
        this.executions = executions;
        this.tickets = tickets;
        this.remediation = remediation;
    }

    /** The requester a valid link is for; empty when the link is not (or no longer) valid. */
    public Optional<String> requesterFor(String code) {
        return secrets.redeemable(code, MfaReenrolmentPlaybook.PURPOSE)
                .map(secret -> tickets.get(secret.ticketId()).requesterId());
    }

    /** Enrols the new secret if the code shows the requester's app has it; false if the code does not match. */
    public Outcome enrol(String code, String newSecret, String authenticatorCode) {
        Optional<OneTimeSecrets.IssuedSecret> found = secrets.redeemable(code, MfaReenrolmentPlaybook.PURPOSE);
        if (found.isEmpty()) {
            return Outcome.LINK_INVALID;
        }
        if (newSecret == null || !newSecret.matches("[A-Z2-7]{32}") || !secondFactors.matches(newSecret, authenticatorCode)) {
            return Outcome.CODE_WRONG;
        }
        OneTimeSecrets.IssuedSecret secret = found.get();
        if (!secrets.use(secret.secretId())) {
            return Outcome.LINK_INVALID;
        }
        Ticket ticket = tickets.get(secret.ticketId());
        secondFactors.enrol(ticket.tenantId(), ticket.requesterId(), SecondFactors.decode(newSecret),
                "requester:" + ticket.requesterId() + " via " + ticket.referenceNumber());
        PlaybookExecution execution = executions.find(secret.tenantId(), secret.executionId()).orElseThrow();
        remediation.completeByRequester(execution, ActionResult.succeeded("New authenticator of "
                + ticket.requesterId() + " enrolled and proven with its first code; the previous one no longer works",
                Map.of("enrolled", true)));
        return Outcome.ENROLLED;
    }

    public enum Outcome { ENROLLED, LINK_INVALID, CODE_WRONG }
}
