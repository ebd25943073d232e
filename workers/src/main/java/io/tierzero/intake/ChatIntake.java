package io.tierzero.intake;

import io.tierzero.integration.ChatCommand;
import io.tierzero.integration.ChatDesk;
import io.tierzero.ticket.Channel;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketRepository;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What chat users ask the bot: a new request, opened for them (channel chat) once per delivery of the command, or
 * the status of one of their own requests. A requester asking about a ticket that is not theirs is told it was not
 * found, as if it did not exist.
 */
@Service
public class ChatIntake implements ChatDesk {

    private static final int MAX_SUBJECT = 120;
    private static final int MAX_BODY = 20_000;
    private static final DateTimeFormatter UPDATED_AT =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final IntakeService intake;
    private final TicketRepository tickets;

    public ChatIntake(IntakeService intake, TicketRepository tickets) {
        this.intake = intake;
        this.tickets = tickets;
    }

    @Override
    public String answer(ChatCommand command) {
        return switch (command.action()) {
            case NEW -> command.argument().isBlank()
                    ? "Tell me what you need, e.g. `new My laptop does not start`."
                    : open(command);
            case STATUS -> command.argument().isBlank()
                    ? "Which request? e.g. `status " + command.tenantId().toUpperCase() + "-000042`."
                    : status(command);
            case HELP -> "I understand `new <what you need>` to open a request and `status <reference number>` "
                    + "for the status of one of yours.";
        };
    }

    private String open(ChatCommand command) {
        String text = command.argument().length() <= MAX_BODY ? command.argument()
                : command.argument().substring(0, MAX_BODY);
        String firstLine = text.lines().findFirst().orElse(text).strip();
        String subject = firstLine.length() <= MAX_SUBJECT ? firstLine : firstLine.substring(0, MAX_SUBJECT);
        SubmittedRequest submitted = intake.submit(command.tenantId(), command.deliveryId(),
                new NewRequest(null, Channel.CHAT, new NewRequest.Requester(command.requesterId(), command.userName(),
                        null), null, subject, text, null, null, null, null, null));
        return "Your request is registered as " + submitted.referenceNumber() + ": \"" + subject + "\". Ask `status "
                + submitted.referenceNumber() + "` any time.";
    }

    private String status(ChatCommand command) {
        String reference = command.argument().strip().toUpperCase(Locale.ROOT);
        Optional<Ticket> own = tickets.findByReferenceNumber(reference)
                .filter(ticket -> ticket.tenantId().equals(command.tenantId()))
                .filter(ticket -> ticket.requesterId().equals(command.requesterId()));
        return own.map(ticket -> "%s \"%s\": %s, %s, last updated %s.".formatted(ticket.referenceNumber(),
                        ticket.subject(), ticket.state().value().replace('_', ' '),
                        ticket.assignmentGroup() == null ? "not assigned to a group yet"
                                : "with " + ticket.assignmentGroup(),
                        UPDATED_AT.format(ticket.updatedAt())))
                .orElse("No request " + reference + " of yours was found.");
    }
}
