package io.tierzero.communication;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxAttempts    attempts at a message before it is dead
 * @param retryBackoff   wait after the first failed attempt; it doubles with each further one
 * @param maxBackoff     the longest wait between two attempts
 * @param claimTimeout   how long a message being sent is left to its sender: after a crash it is tried again then
 * @param webhookTimeout the longest wait for a chat webhook to answer
 * @param mailFrom       the sender address of e-mails (the tenant's name is shown as the sender's name)
 */
@ConfigurationProperties("tierzero.communication")
public record CommunicationProperties(
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT10S") Duration retryBackoff,
        @DefaultValue("PT30M") Duration maxBackoff,
        @DefaultValue("PT2M") Duration claimTimeout,
        @DefaultValue("PT10S") Duration webhookTimeout,
        @DefaultValue("service-desk@tierzero.local") String mailFrom) {

    /** The wait before the next attempt after {@code attempts} failed ones. */
    Duration backoffAfter(int attempts) {
        Duration backoff = retryBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
