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
        write(exchange, 401, "Unauthorized", exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
    }

    void invalid(Exchange exchange) throws JsonProcessingException {
        write(exchange, 400, "Invalid chat request", exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
    }

    private void write(Exchange exchange, int status, String title, Exception cause) throws JsonProcessingException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", cause == null ? title : cause.getMessage());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        exchange.getMessage().setBody(json.writeValueAsString(problem));
    }
}
