package io.tierzero.integration;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connections as configured: {@code tierzero.connections.<tenant>.<name>.*}. Secrets come from the
 * environment or a secret store through Spring's placeholders, e.g. {@code secret: ${RT_ACME_PASSWORD}}.
 */
@ConfigurationProperties(prefix = "tierzero")
public class ConnectionProperties {

    private Map<String, Map<String, Settings>> connections = new LinkedHashMap<>();

    public Map<String, Map<String, Settings>> getConnections() {
        return connections;
    }

    public void setConnections(Map<String, Map<String, Settings>> connections) {
        this.connections = connections;
    }

    public static class Settings {
        private ConnectorType type;
        private URI baseUrl;
        private String username;
        private String secret;
        private String scope;
        private Map<String, String> inboundStates = new LinkedHashMap<>();
        private Map<String, String> outboundStates = new LinkedHashMap<>();
        private Map<TicketField, Connection.Side> fieldOwners = new LinkedHashMap<>();
        private Duration pollInterval = Duration.ofSeconds(30);
        private boolean exportNewTickets;
        private String cmdbScope;
        private boolean enabled = true;

        Connection toConnection(String tenantId, String name) {
            if (type == null || baseUrl == null) {
                throw new IllegalStateException("tierzero.connections." + tenantId + "." + name
                        + " needs a type (request-tracker, servicenow, jira) and a base-url");
            }
            if (fieldOwners.get(TicketField.STATE) == Connection.Side.EXTERNAL) {
                throw new IllegalStateException("tierzero.connections." + tenantId + "." + name
                        + ".field-owners.state cannot be external: TierZero's lifecycle decides a ticket's state");
            }
            return new Connection(tenantId, name, type, baseUrl, username, secret, scope, lowerCaseKeys(inboundStates),
                    outboundStates, fieldOwners, pollInterval, exportNewTickets, cmdbScope);
        }

        private static Map<String, String> lowerCaseKeys(Map<String, String> states) {
            var lowered = new LinkedHashMap<String, String>();
            states.forEach((state, tierZeroState) -> lowered.put(state.toLowerCase(), tierZeroState));
            return lowered;
        }

        public ConnectorType getType() { return type; }
        public void setType(ConnectorType type) { this.type = type; }
        public URI getBaseUrl() { return baseUrl; }
        public void setBaseUrl(URI baseUrl) { this.baseUrl = baseUrl; }
        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getSecret() { return secret; }
        public void setSecret(String secret) { this.secret = secret; }
        public String getScope() { return scope; }
        public void setScope(String scope) { this.scope = scope; }
        public Map<String, String> getInboundStates() { return inboundStates; }
        public void setInboundStates(Map<String, String> inboundStates) { this.inboundStates = inboundStates; }
        public Map<String, String> getOutboundStates() { return outboundStates; }
        public void setOutboundStates(Map<String, String> outboundStates) { this.outboundStates = outboundStates; }
        public Map<TicketField, Connection.Side> getFieldOwners() { return fieldOwners; }
        public void setFieldOwners(Map<TicketField, Connection.Side> fieldOwners) { this.fieldOwners = fieldOwners; }
        public Duration getPollInterval() { return pollInterval; }
        public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
        public boolean isExportNewTickets() { return exportNewTickets; }
        public void setExportNewTickets(boolean exportNewTickets) { this.exportNewTickets = exportNewTickets; }
        public String getCmdbScope() { return cmdbScope; }
        public void setCmdbScope(String cmdbScope) { this.cmdbScope = cmdbScope; }
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
    }
}
