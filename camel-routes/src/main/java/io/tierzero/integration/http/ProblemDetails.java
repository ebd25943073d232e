package io.tierzero.integration.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an inbound request that was refused with an RFC 9457 problem detail (application/problem+json): an
 * {@link InboundRequestRefused} with its status, anything else that went wrong as a 500 without internals, so the
 * sender delivers again later.
 */
public final class ProblemDetails {

    /** For {@code onException(Exception.class).handled(true).process(ProblemDetails.ANSWER)}. */
    public static final Processor ANSWER = ProblemDetails::answer;

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemDetails() {
    }

    static void answer(Exchange exchange) throws JsonProcessingException {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        InboundRequestRefused refusal;
        if (caught instanceof InboundRequestRefused refused) {
            refusal = refused;
        } else {
            log.warn("{} could not be taken: {}", exchange.getFromRouteId(), caught, caught);
            refusal = new InboundRequestRefused(500, "Not taken", "TierZero could not take this delivery now; send it again");
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", refusal.title());
        problem.put("status", refusal.status());
        problem.put("detail", refusal.detail());
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, refusal.status());
        message.setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        if (refusal.status() == 401) {
            message.setHeader("WWW-Authenticate", "Basic realm=\"TierZero\", Bearer");
        }
        message.setBody(JSON.writeValueAsString(problem));
    }
}
