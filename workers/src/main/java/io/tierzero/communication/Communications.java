package io.tierzero.communication;

import io.tierzero.ticket.ProcessStep;
import io.tierzero.ticket.TicketLifecycle;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Messages to the requester. No channel (email, chat) is connected yet (the Tier-1 automation issue adds them):
 * each message that would be sent is recorded as not sent, so the history shows the gap instead of hiding it.
 */
@Service
public class Communications {

    private final TicketLifecycle lifecycle;

    public Communications(TicketLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public void acknowledge(UUID ticketId, ProcessStep step) {
        notSent(ticketId, "acknowledgement", step);
    }

    public void askForConfirmation(UUID ticketId, ProcessStep step) {
        notSent(ticketId, "confirmation-request", step);
    }

    public void send(UUID ticketId, String templateId, Map<String, Object> values, ProcessStep step) {
        notSent(ticketId, templateId, step);
    }

    public void sendTo(UUID ticketId, String channelKind, String address, String templateId, Map<String, Object> values,
            String idempotencyKey) {
        lifecycle.change(ticketId, "communication.not-sent")
                .because("No notification channel is configured")
                .note("message", templateId)
                .apply();
    }

    private void notSent(UUID ticketId, String message, ProcessStep step) {
        lifecycle.change(ticketId, "communication.not-sent")
                .during(step)
                .because("No notification channel is configured")
                .note("message", message)
                .apply();
    }
}
