package io.tierzero.integration.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Refusals as RFC 9457 problem details, like the rest of the API's. */
@Component
class ChatProblems {

    private final ObjectMapper json;

    ChatProblems(ObjectMapper json) {
        this.json = json;
    }

    void unverified(Exchange exchange) throws JsonProcessingException {
        write(exchange, 401, "Unauthorized", exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)
                .getMessage());
    }

    void invalid(Exchange exchange) throws JsonProcessingException {
        write(exchange, 400, "Invalid chat request", exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)
                .getMessage());
    }

    /** No stack trace goes back to the chat tool; the tool shows the user an error, who can ask again. */
    void failed(Exchange exchange) throws JsonProcessingException {
        write(exchange, 500, "Not answered", "The request could not be handled now: ask again in a moment.");
    }

    private void write(Exchange exchange, int status, String title, String detail) throws JsonProcessingException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        reply(exchange, status, "application/problem+json", json.writeValueAsString(problem));
    }

    /** Only the status and content type go back: none of the request's headers (its signature) are echoed. */
    static void reply(Exchange exchange, int status, String contentType, String body) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
        exchange.getMessage().setBody(body);
    }
}
