package io.tierzero.integration.http;

import io.tierzero.integration.PeerUnavailableException;
import io.tierzero.integration.RequestRejectedException;
import io.tierzero.integration.VersionConflictException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Placed after an HTTP call made with {@code throwExceptionOnFailure=false}: a 2xx answer passes, anything else
 * becomes the {@link io.tierzero.integration.ConnectorException} that tells the sync what to do about it.
 */
public final class HttpOutcome implements Processor {

    public static final HttpOutcome REQUIRE_SUCCESS = new HttpOutcome();

    private HttpOutcome() {
    }

    @Override
    public void process(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status != null && status >= 200 && status < 300) {
            return;
        }
        String call = exchange.getProperty(HttpCalls.CALL_DESCRIPTION, "HTTP call", String.class);
        String body = exchange.getMessage().getBody(String.class);
        String answer = call + " answered " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
        if (status == null) {
            throw new PeerUnavailableException(call + " got no answer", null, null);
        }
        if (status == 412 || status == 409) {
            throw new VersionConflictException(answer);
        }
        if (status == 429 || status >= 500 || status == 408) {
            throw new PeerUnavailableException(answer,
                    retryAfter(exchange.getMessage().getHeader("Retry-After", String.class)), null);
        }
        throw new RequestRejectedException(answer);
    }

    /** Retry-After is either seconds or an HTTP date (RFC 9110). */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
