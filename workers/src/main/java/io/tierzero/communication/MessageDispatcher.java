package io.tierzero.communication;

import io.tierzero.ticket.TicketLifecycle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's due messages. A failed attempt is retried with a growing wait, up to the maximum number of
 * attempts; a refused message, or one out of attempts, is dead. Every sent message, and every dead one, is an event
 * in its ticket's history, written in the same transaction as the message's new state.
 */
@Component
class MessageDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MessageDispatcher.class);

    private final Outbox outbox;
    private final Map<ChannelKind, DeliveryChannel> channels = new EnumMap<>(ChannelKind.class);
    private final TicketLifecycle lifecycle;
    private final TransactionTemplate transaction;
    private final CommunicationProperties properties;

    MessageDispatcher(Outbox outbox, List<DeliveryChannel> channels, TicketLifecycle lifecycle,
            TransactionTemplate transaction, CommunicationProperties properties) {
        this.outbox = outbox;
        channels.forEach(channel -> this.channels.put(channel.kind(), channel));
        this.lifecycle = lifecycle;
        this.transaction = transaction;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${tierzero.communication.dispatch-interval:PT2S}",
            fixedDelayString = "${tierzero.communication.dispatch-interval:PT2S}")
    void dispatchDueMessages() {
        Optional<OutboundMessage> next;
        while ((next = outbox.claimNextDue(properties.claimTimeout())).isPresent()) {
            dispatch(next.get());
        }
    }

    private void dispatch(OutboundMessage message) {
        try {
            deliver(message);
        } catch (DeliveryFailure failure) {
            if (failure.retryable() && message.attempts() < properties.maxAttempts()) {
                log.info("Message {} not sent (attempt {}), trying again: {}", message.messageId(), message.attempts(),
                        failure.getMessage());
                outbox.scheduleRetry(message.messageId(), failure.getMessage(), properties.backoffAfter(message.attempts()));
            } else {
                log.warn("Message {} is dead after {} attempts: {}", message.messageId(), message.attempts(),
                        failure.getMessage());
                recordDead(message, failure.getMessage());
            }
            return;
        }
        recordSent(message);
    }

    /** A bug or an unexpected answer in a channel fails this message's attempt, not the other messages. */
    private void deliver(OutboundMessage message) throws DeliveryFailure {
        try {
            channels.get(message.channel()).deliver(message);
        } catch (RuntimeException e) {
            throw DeliveryFailure.retryable("Unexpected failure: " + e, e);
        }
    }

    private void recordSent(OutboundMessage message) {
        transaction.executeWithoutResult(status -> {
            if (outbox.markSent(message.messageId())) {
                lifecycle.change(message.ticketId(), "communication.sent")
                        .because("Message sent to the requester")
                        .note("messageId", message.messageId())
                        .note("channel", message.channel().value())
                        .note("recipient", message.to())
                        .note("template", message.templateId())
                        .note("subject", message.subject())
                        .note("attempts", message.attempts())
                        .apply();
            }
        });
    }

    private void recordDead(OutboundMessage message, String error) {
        transaction.executeWithoutResult(status -> {
            if (outbox.markDead(message.messageId(), error)) {
                lifecycle.change(message.ticketId(), "communication.undeliverable")
                        .because(error)
                        .note("messageId", message.messageId())
                        .note("channel", message.channel().value())
                        .note("recipient", message.to())
                        .note("template", message.templateId())
                        .note("attempts", message.attempts())
                        .apply();
            }
        });
    }
}
