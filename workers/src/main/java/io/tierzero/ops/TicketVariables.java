package io.tierzero.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** The process variables that name a ticket (see ZeebeTicketProcesses.variablesOf), as the engine stores them: JSON. */
final class TicketVariables {

    static final List<String> NAMES = List.of("tenantId", "ticketId", "referenceNumber");

    private TicketVariables() {
    }

    /** The text of a string variable's JSON value; null for anything else. */
    static String text(ObjectMapper json, String jsonValue) {
        try {
            JsonNode value = json.readTree(jsonValue);
            return value.isTextual() ? value.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The ticket the variables (name to text) name; null when there is no ticketId among them. */
    static InstanceTicket ticketOf(Map<String, String> variables) {
        if (variables == null || !variables.containsKey("ticketId")) {
            return null;
        }
        return new InstanceTicket(variables.get("tenantId"), variables.get("ticketId"), variables.get("referenceNumber"));
    }
}
