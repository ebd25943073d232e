package io.tierzero.integration.http;

import io.tierzero.integration.PeerUnavailableException;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/**
 * What a route does when a connected system rate-limits it (HTTP 429): Camel's own redelivery tries the call
 * again after the system's Retry-After (Camel takes the {@code CamelRedeliveryDelay} header over its computed
 * delay) or, without one, after an exponential backoff; a bounded number of times, then the
 * {@link PeerUnavailableException} goes to the caller, whose outbox retries later.
 */
public final class RateLimitBackoff {

    static final Processor RETRY_AFTER_AS_REDELIVERY_DELAY = exchange -> {
        if (isRateLimited(exchange)) {
            Duration retryAfter = HttpOutcome.retryAfter(exchange.getMessage().getHeader("Retry-After", String.class));
            if (retryAfter != null) {
                exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, retryAfter.toMillis());
            }
        }
    };

    private RateLimitBackoff() {
    }

    /** Declares the redelivery on every route of {@code routes}; call it first in {@code configure()}. */
    public static void retryWhenRateLimited(RouteBuilder routes, ExternalCallSettings settings) {
        routes.onException(PeerUnavailableException.class)
                .onWhen(exchange -> isRateLimited(exchange) && waitIsBearable(exchange, settings.longestWait()))
                .maximumRedeliveries(settings.rateLimitRetries())
                .redeliveryDelay(settings.firstBackoff().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(settings.longestWait().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhausted(false);
    }

    private static boolean isRateLimited(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return status != null && status == 429;
    }

    private static boolean waitIsBearable(Exchange exchange, Duration longestWait) {
        Long delay = exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class);
        return delay == null || delay <= longestWait.toMillis();
    }
}
