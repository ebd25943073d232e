package io.tierzero.integration;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One tenant's link to one ticket system, as configured: where it is, how to sign in, which queue / project /
 * table holds the tenant's tickets, how states map both ways and which side owns each field.
 *
 * @param scope          RT queue, Jira project key or ServiceNow table
 * @param inboundStates  the system's state names to TierZero states
 * @param outboundStates TierZero states to the system's state names (or, for Jira, transition names)
 * @param fieldOwners    for each field, the side whose value wins when both differ; a field not named here
 *                       goes to whichever side wrote last
 * @param cmdbScope      the configuration items kept in step: RT asset catalog or ServiceNow CI class; none when
 *                       blank
 */
public record Connection(
        String tenantId,
        String name,
        ConnectorType type,
        URI baseUrl,
        String username,
        String secret,
        String scope,
        Map<String, String> inboundStates,
        Map<String, String> outboundStates,
        Map<TicketField, Side> fieldOwners,
        Duration pollInterval,
        boolean exportNewTickets,
        String cmdbScope) {

    public enum Side { TIERZERO, EXTERNAL }

    public Connection {
        inboundStates = inboundStates == null ? Map.of() : Map.copyOf(inboundStates);
        outboundStates = outboundStates == null ? Map.of() : Map.copyOf(outboundStates);
        fieldOwners = fieldOwners == null ? Map.of() : Map.copyOf(fieldOwners);
    }

    public boolean syncsConfigurationItems() {
        return cmdbScope != null && !cmdbScope.isBlank();
    }

    /** How TierZero names this connection in links, audit events and echo checks: {@code type:name}. */
    public String id() {
        return type.value() + ":" + name;
    }

    public String inboundState(String externalState) {
        return externalState == null ? null : inboundStates.get(externalState.toLowerCase());
    }

    public String outboundState(String tierZeroState) {
        return tierZeroState == null ? null : outboundStates.get(tierZeroState);
    }

    @Override
    public String toString() {
        return "Connection[" + tenantId + "/" + id() + " " + baseUrl + "]";
    }
}
