package io.tierzero.communication;

import io.tierzero.selfservice.ConfirmationLinks;
import io.tierzero.tenant.Tenant;
import io.tierzero.tenant.TenantRepository;
import io.tierzero.ticket.ProcessStep;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketLifecycle;
import io.tierzero.ticket.TicketRepository;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages to the requester. A message is rendered from the tenant's template and put in the outbox in the same
 * transaction as the ticket's "communication.queued" event; the dispatcher sends it. Each message is queued once
 * per idempotency key, so a job delivered twice sends nothing twice.
 */
@Service
public class Communications {

    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm (zzz)", Locale.ENGLISH);

    private final TicketRepository tickets;
    private final TenantRepository tenants;
    private final TicketLifecycle lifecycle;
    private final Outbox outbox;
    private final MessageTemplates templates;
    private final RequesterChannels requesterChannels;
    private final ConfirmationLinks confirmationLinks;
    private final TransactionTemplate transaction;

    public Communications(TicketRepository tickets, TenantRepository tenants, TicketLifecycle lifecycle, Outbox outbox,
            MessageTemplates templates, RequesterChannels requesterChannels, ConfirmationLinks confirmationLinks,
            TransactionTemplate transaction) {
        this.tickets = tickets;
        this.tenants = tenants;
        this.lifecycle = lifecycle;
        this.outbox = outbox;
        this.templates = templates;
        this.requesterChannels = requesterChannels;
        this.confirmationLinks = confirmationLinks;
        this.transaction = transaction;
    }

    /** "We have received your request", within seconds of intake. */
    public void acknowledge(UUID ticketId, ProcessStep step) {
        send(ticketId, "acknowledgement", Map.of(), step);
    }

    /** "Did this resolve your issue?" with a Yes and a No link, valid for the tenant's confirmation period. */
    public void askForConfirmation(UUID ticketId, ProcessStep step) {
        Ticket ticket = tickets.get(ticketId);
        Tenant tenant = tenants.get(ticket.tenantId());
        ConfirmationLinks.Links links = confirmationLinks.linksFor(ticket, tenant);
        send(ticketId, "confirmation-request", Map.of("yesLink", links.yes(), "noLink", links.no(),
                "answerBy", localTime(links.expiresAt(), tenant)), step);
    }

    /**
     * Sends the template to the requester's preferred verified channel, else to the ticket's e-mail address. The
     * template sees the ticket's fields (referenceNumber, subject, requesterName, assignmentGroup, priority,
     * responseDueAt, ...) and {@code values}. Once per ticket, step and template.
     */
    public void send(UUID ticketId, String templateId, Map<String, Object> values, ProcessStep step) {
        sendToRequester(ticketId, templateId, values, "%s/%d/%d/communication/%s".formatted(ticketId,
                step.processInstanceKey(), step.jobKey(), templateId), step);
    }

    /** Like {@link #send} for a side effect outside a process step (a playbook's): once per idempotency key. */
    public void sendToRequester(UUID ticketId, String templateId, Map<String, Object> values, String idempotencyKey) {
        sendToRequester(ticketId, templateId, values, ticketId + "/communication/" + idempotencyKey, null);
    }

    private void sendToRequester(UUID ticketId, String templateId, Map<String, Object> values, String idempotencyKey,
            ProcessStep step) {
        Ticket ticket = tickets.get(ticketId);
        Optional<Recipient> recipient = requesterChannels.preferredVerified(ticket.tenantId(), ticket.requesterId())
                .or(() -> Optional.ofNullable(ticket.requesterEmail()).filter(email -> !email.isBlank())
                        .map(email -> new Recipient(ChannelKind.EMAIL, email)));
        if (recipient.isEmpty()) {
            TicketLifecycle.Change notSent = lifecycle.change(ticketId, "communication.not-sent")
                    .because("The requester has no verified channel and no e-mail address")
                    .note("template", templateId)
                    .once(idempotencyKey);
            if (step != null) {
                notSent.during(step);
            }
            notSent.apply();
            return;
        }
        queue(ticket, recipient.get(), templateId, values, idempotencyKey, step);
    }

    /** Sends the template to the given address; once per idempotency key of the ticket. */
    public void sendTo(UUID ticketId, String channelKind, String address, String templateId, Map<String, Object> values,
            String idempotencyKey) {
        Ticket ticket = tickets.get(ticketId);
        queue(ticket, new Recipient(ChannelKind.of(channelKind), address), templateId, values,
                ticketId + "/communication/" + idempotencyKey, null);
    }

    private void queue(Ticket ticket, Recipient recipient, String templateId, Map<String, Object> values,
            String idempotencyKey, ProcessStep step) {
        Tenant tenant = tenants.get(ticket.tenantId());
        RenderedMessage message = templates.render(tenant.tenantId(), templateId, context(ticket, tenant, values));
        OutboundMessage outbound = new OutboundMessage(UUID.randomUUID(), ticket.tenantId(), ticket.ticketId(),
                idempotencyKey, recipient, templateId, message.subject(), message.body(), OutboxState.PENDING, 0,
                null, null, null, null, null);
        transaction.executeWithoutResult(status -> {
            TicketLifecycle.Change queued = lifecycle.change(ticket.ticketId(), "communication.queued")
                    .because("Message to the requester")
                    .note("messageId", outbound.messageId())
                    .note("channel", recipient.kind().value())
                    .note("recipient", recipient.describe())
                    .note("template", templateId)
                    .note("subject", message.subject())
                    .once(idempotencyKey);
            if (step != null) {
                queued.during(step);
            }
            queued.apply();
            outbox.enqueue(outbound);
        });
    }

    private static Map<String, Object> context(Ticket ticket, Tenant tenant, Map<String, Object> values) {
        Map<String, Object> context = new HashMap<>();
        context.put("tenantName", tenant.name());
        context.put("ticketId", ticket.ticketId().toString());
        context.put("referenceNumber", ticket.referenceNumber());
        context.put("subject", ticket.subject());
        context.put("requesterId", ticket.requesterId());
        context.put("requesterName", ticket.requesterName() == null ? ticket.requesterId() : ticket.requesterName());
        context.put("state", ticket.state().value());
        context.put("supportTier", ticket.supportTier());
        putIfKnown(context, "category", ticket.category());
        putIfKnown(context, "priority", ticket.priority());
        putIfKnown(context, "assignmentGroup", ticket.assignmentGroup());
        putIfKnown(context, "responseDueAt", localTime(ticket.responseDueAt(), tenant));
        putIfKnown(context, "resolutionDueAt", localTime(ticket.resolutionDueAt(), tenant));
        context.putAll(values);
        return context;
    }

    private static String localTime(Instant instant, Tenant tenant) {
        return instant == null ? null : LOCAL_TIME.withZone(ZoneId.of(tenant.timeZone())).format(instant);
    }

    private static void putIfKnown(Map<String, Object> context, String name, Object value) {
        if (value != null) {
            context.put(name, value);
        }
    }
}
