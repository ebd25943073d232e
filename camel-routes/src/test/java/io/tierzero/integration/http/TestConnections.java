package io.tierzero.integration.http;

import io.tierzero.integration.ConnectionProperties;
import io.tierzero.integration.ConnectorType;
import io.tierzero.integration.Connections;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Connections of tenant "acme" as configured in tierzero.connections, for the inbound route tests. */
public final class TestConnections {

    private TestConnections() {
    }

    public static Connections of(Map<String, ConnectorType> typesByName) {
        Map<String, ConnectionProperties.Settings> byName = new LinkedHashMap<>();
        typesByName.forEach((name, type) -> {
            ConnectionProperties.Settings settings = new ConnectionProperties.Settings();
            settings.setType(type);
            settings.setBaseUrl(URI.create("https://acme.example.test"));
            settings.setUsername("tierzero");
            settings.setSecret("outbound-secret");
            settings.setScope(type == ConnectorType.JIRA ? "OPS" : "incident");
            byName.put(name, settings);
        });
        ConnectionProperties properties = new ConnectionProperties();
        properties.setConnections(Map.of("acme", byName));
        return new Connections(properties, List.of(), List.of());
    }
}
