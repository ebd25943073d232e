package io.tierzero.integration;

import java.util.List;

/**
 * What TierZero's CMDB sync needs from a connected system that holds configuration items (RT assets, the
 * ServiceNow CMDB), within the connection's CMDB scope. Attribute names are TierZero's: description, status,
 * kind, model, os, site, owner.
 */
public interface ConfigurationItemConnector {

    ConnectorType type();

    List<ConfigurationItemRecord> configurationItems(Connection connection);

    /** Creates the item and answers its id there. */
    String create(Connection connection, ConfigurationItemRecord item);

    void update(Connection connection, String externalId, ConfigurationItemRecord item);
}
