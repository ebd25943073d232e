package io.tierzero.selfservice;

import io.tierzero.communication.Outbox;
import io.tierzero.identity.Directories;
import io.tierzero.identity.Directory;
import io.tierzero.identity.DirectoryAccount;
import io.tierzero.identity.DirectoryUnavailableException;
import io.tierzero.intake.IntakeService;
import io.tierzero.intake.NewRequest;
import io.tierzero.intake.SubmittedRequest;
import io.tierzero.tenant.TenantRepository;
import io.tierzero.ticket.Channel;
import io.tierzero.ticket.Level;
import io.tierzero.ticket.RequesterAnswers;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketNotFoundException;
import io.tierzero.ticket.TicketRepository;
import io.tierzero.ticket.TicketState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The self-service portal: a requester submits requests, follows their own, reads what the service desk told
 * them (each answer says whether automation or a person gave it) and answers "did this resolve your issue?".
 * A requester sees only their own tickets: another's is "not found".
 */
@Service
public class RequesterPortal {

    static final int LIST_LIMIT = 100;
    /** Messages with one-time secrets or answer links: the portal has its own buttons and is not a mailbox. */
    private static final Set<String> NOT_SHOWN = Set.of("password-reset-link", "mfa-enrolment-link", "confirmation-request");
    /** Messages a person's words are in, when a person handled the ticket. */
    private static final String RESOLUTION_MESSAGE = "resolved";
    /** The task in which a person approves an automated action: a decision, not handling (as in the KPIs). */
    private static final String APPROVAL_FORM = "approve-automated-action";

    private final TenantRepository tenants;
    private final TicketRepository tickets;
    private final Outbox outbox;
    private final IntakeService intake;
    private final RequesterAnswers answers;
    private final Directories directories;
    private final JdbcClient jdbc;

    public RequesterPortal(TenantRepository tenants, TicketRepository tickets, Outbox outbox, IntakeService intake,
            RequesterAnswers answers, Directories directories, JdbcClient jdbc) {
        this.tenants = tenants;
        this.tickets = tickets;
        this.outbox = outbox;
        this.intake = intake;
        this.answers = answers;
        this.directories = directories;
        this.jdbc = jdbc;
    }

    public record RequestSummary(UUID ticketId, String referenceNumber, String subject, TicketState state,
            Instant createdAt, Instant updatedAt, boolean awaitingYourAnswer) {
    }

    public record PortalRequest(UUID ticketId, String referenceNumber, String subject, String body, TicketState state,
            Instant createdAt, Instant updatedAt, boolean resolvedByAutomation, boolean awaitingYourAnswer,
            List<Update> updates) {
    }

    /** A message the service desk sent about the request; automated unless a person's answer is in it. */
    public record Update(Instant at, String subject, String text, boolean automated) {
    }

    public record PortalSubmission(String subject, String body, Level impact, Level urgency) {
    }

    public List<RequestSummary> requests(String tenantId, String requester) {
        tenants.get(tenantId);
        return tickets.ofRequester(tenantId, requester, LIST_LIMIT).stream()
                .map(ticket -> new RequestSummary(ticket.ticketId(), ticket.referenceNumber(), ticket.subject(),
                        ticket.state(), ticket.createdAt(), ticket.updatedAt(), awaitingAnswer(ticket)))
                .toList();
    }

    public PortalRequest request(String tenantId, String requester, UUID ticketId) {
        Ticket ticket = own(tenantId, requester, ticketId);
        boolean automated = resolvedByAutomation(ticketId);
        List<Update> updates = outbox.aboutTicket(ticketId).stream()
                .filter(message -> !NOT_SHOWN.contains(message.templateId()))
                .map(message -> new Update(message.createdAt(), message.subject(), message.body(),
                        automated || !RESOLUTION_MESSAGE.equals(message.templateId())))
                .toList();
        return new PortalRequest(ticket.ticketId(), ticket.referenceNumber(), ticket.subject(), ticket.body(),
                ticket.state(), ticket.createdAt(), ticket.updatedAt(), automated, awaitingAnswer(ticket), updates);
    }

    /** A request in the requester's own name, with the name and e-mail address of the tenant's directory if known. */
    public SubmittedRequest submit(String tenantId, String requester, String idempotencyKey, PortalSubmission submission) {
        Optional<DirectoryAccount> account = directories.of(tenantId).flatMap(directory -> find(directory, requester));
        NewRequest request = new NewRequest(null, Channel.PORTAL,
                new NewRequest.Requester(requester, account.map(DirectoryAccount::displayName).orElse(null),
                        account.map(DirectoryAccount::email).orElse(null)),
                null, submission.subject(), submission.body(), submission.impact(), submission.urgency(),
                null, null, null);
        return intake.submit(tenantId, idempotencyKey, request);
    }

    /** The requester's answer to "did this resolve your issue?"; only a resolved request waits for one. */
    public void answer(String tenantId, String requester, UUID ticketId, boolean resolved) {
        Ticket ticket = own(tenantId, requester, ticketId);
        if (ticket.state() != TicketState.RESOLVED) {
            throw new NotAwaitingAnswerException(ticket.referenceNumber(), ticket.state());
        }
        answers.answer(ticketId, resolved);
    }

    private Ticket own(String tenantId, String requester, UUID ticketId) {
        tenants.get(tenantId);
        return tickets.find(tenantId, ticketId).filter(ticket -> ticket.requesterId().equals(requester))
                .orElseThrow(() -> new TicketNotFoundException(ticketId));
    }

    private boolean awaitingAnswer(Ticket ticket) {
        return ticket.state() == TicketState.RESOLVED && !answers.hasAnswered(ticket);
    }

    /** The KPIs' "automated": a playbook succeeded and no agent claimed a task of it, approvals aside. */
    private boolean resolvedByAutomation(UUID ticketId) {
        return jdbc.sql("""
                        select exists (select 1 from playbook_executions where ticket_id = :ticket and state = 'succeeded')
                           and not exists (select 1 from human_tasks where ticket_id = :ticket and claimed_at is not null
                                           and form_id is distinct from :approvalForm)""")
                .param("ticket", ticketId).param("approvalForm", APPROVAL_FORM).query(Boolean.class).single();
    }

    /** A directory that does not answer does not stop the request: it goes in without name and address. */
    private static Optional<DirectoryAccount> find(Directory directory, String requester) {
        try {
            return directory.findAccount(requester);
        } catch (DirectoryUnavailableException e) {
            return Optional.empty();
        }
    }
}
