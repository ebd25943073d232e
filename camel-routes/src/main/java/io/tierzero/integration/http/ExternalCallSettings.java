package io.tierzero.integration.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long TierZero waits for a connected system, and how it behaves when the system rate-limits it (HTTP 429):
 * up to {@code rateLimitRetries} more tries, each after the system's Retry-After or, without one, after an
 * exponential backoff starting at {@code firstBackoff}. A Retry-After longer than {@code longestWait} is not
 * waited for in-process: the call fails at once with the system's Retry-After, and the sync's outbox tries again
 * later instead of holding a thread.
 */
@ConfigurationProperties(prefix = "tierzero.integration.calls")
public record ExternalCallSettings(Duration connectTimeout, Duration responseTimeout, int rateLimitRetries,
                                   Duration firstBackoff, Duration longestWait) {

    public ExternalCallSettings {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(30) : responseTimeout;
        rateLimitRetries = rateLimitRetries <= 0 ? 3 : rateLimitRetries;
        firstBackoff = firstBackoff == null ? Duration.ofSeconds(1) : firstBackoff;
        longestWait = longestWait == null ? Duration.ofSeconds(30) : longestWait;
    }

    public static ExternalCallSettings defaults() {
        return new ExternalCallSettings(null, null, 0, null, null);
    }
}
