package io.tierzero.integration;

import java.util.Map;

/**
 * A configuration item as a connected CMDB holds it: its id there, its class (e.g. {@code cmdb_ci_linux_server}),
 * its name and the rest of its attributes as the CMDB names them.
 */
public record ConfigurationItemRecord(String externalId, String className, String name, Map<String, String> attributes) {

    public ConfigurationItemRecord {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
