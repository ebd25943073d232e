package io.tierzero.ticket;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which lifecycle a ticket follows: processes/service-request.bpmn or processes/incident.bpmn. */
public enum TicketKind {
    SERVICE_REQUEST("service-request"), INCIDENT("incident");

    private final String processId;

    TicketKind(String processId) {
        this.processId = processId;
    }

    public String processId() {
        return processId;
    }

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }
}
