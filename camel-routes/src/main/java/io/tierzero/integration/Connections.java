package io.tierzero.integration;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The configured connections of every tenant, and the connector that speaks each one's API. */
@Component
@EnableConfigurationProperties(ConnectionProperties.class)
public class Connections {

    private final List<Connection> connections = new ArrayList<>();
    private final Map<ConnectorType, TicketSystemConnector> connectors;
    private final Map<ConnectorType, ConfigurationItemConnector> cmdbConnectors = new EnumMap<>(ConnectorType.class);

    public Connections(ConnectionProperties properties, List<TicketSystemConnector> connectors,
                       List<ConfigurationItemConnector> cmdbConnectors) {
        properties.getConnections().forEach((tenantId, byName) -> byName.forEach((name, settings) -> {
            if (settings.isEnabled()) {
                connections.add(settings.toConnection(tenantId, name));
            }
        }));
        this.connectors = new EnumMap<>(ConnectorType.class);
        connectors.forEach(connector -> this.connectors.put(connector.type(), connector));
        cmdbConnectors.forEach(connector -> this.cmdbConnectors.put(connector.type(), connector));
    }

    public List<Connection> all() {
        return List.copyOf(connections);
    }

    public List<Connection> of(String tenantId) {
        return connections.stream().filter(c -> c.tenantId().equals(tenantId)).toList();
    }

    public Optional<Connection> find(String tenantId, String connectionId) {
        return connections.stream()
                .filter(c -> c.tenantId().equals(tenantId) && (c.id().equals(connectionId) || c.name().equals(connectionId)))
                .findFirst();
    }

    public TicketSystemConnector connectorFor(Connection connection) {
        TicketSystemConnector connector = connectors.get(connection.type());
        if (connector == null) {
            throw new IllegalStateException("no connector for " + connection.type().value() + " on the classpath");
        }
        return connector;
    }

    /** The connector for the connection's configuration items, when it keeps any in step and its system has them. */
    public Optional<ConfigurationItemConnector> cmdbConnectorFor(Connection connection) {
        return connection.syncsConfigurationItems() ? Optional.ofNullable(cmdbConnectors.get(connection.type())) : Optional.empty();
    }
}
