package io.tierzero.integration.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.integration.ConfigurationItemRecord;
import io.tierzero.integration.Connection;
import io.tierzero.integration.http.HttpCalls;
import io.tierzero.integration.http.JsonApiCalls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Configuration items of a ServiceNow CMDB through the CMDB Instance API. The list answers only each item's
 * sys_id and name (ServiceNow's summary); {@link #get} answers all its attributes.
 */
@Component
public class ServiceNowCmdb {

    static final int PAGE_SIZE = 200;
    /** The discovery source ServiceNow records on items TierZero creates (a choice of cmdb_ci.discovery_source). */
    static final String DISCOVERY_SOURCE = "ServiceNow";

    private final ProducerTemplate producer;

    public ServiceNowCmdb(ProducerTemplate producer) {
        this.producer = producer;
    }

    /** Every item of {@code className} matching {@code encodedQuery} (blank: all), following the pages. */
    public List<ConfigurationItemRecord> list(Connection connection, String className, String encodedQuery) {
        List<ConfigurationItemRecord> items = new ArrayList<>();
        Map<String, String> query = new HashMap<>();
        if (encodedQuery != null && !encodedQuery.isBlank()) {
            query.put("sysparm_query", encodedQuery);
        }
        query.put("sysparm_limit", String.valueOf(PAGE_SIZE));
        query.put("sysparm_offset", "0");
        while (!query.isEmpty()) {
            Map<String, Object> arguments = arguments(connection, className);
            arguments.put(ServiceNowRoutes.QUERY, query);
            ServiceNowPage page = HttpCalls.call(producer, ServiceNowRoutes.LIST_CONFIGURATION_ITEMS, null, arguments,
                    ServiceNowPage.class);
            page.records().forEach(item -> items.add(ServiceNowTranslation.toConfigurationItem(className, item)));
            query = page.nextPageQuery();
        }
        return items;
    }

    public ConfigurationItemRecord get(Connection connection, String className, String sysId) {
        Map<String, Object> arguments = arguments(connection, className);
        arguments.put(ServiceNowRoutes.SYS_ID, sysId);
        JsonNode item = HttpCalls.call(producer, ServiceNowRoutes.GET_CONFIGURATION_ITEM, null, arguments, JsonNode.class);
        return ServiceNowTranslation.toConfigurationItem(className, item);
    }

    public ConfigurationItemRecord create(Connection connection, ConfigurationItemRecord item) {
        JsonNode created = HttpCalls.call(producer, ServiceNowRoutes.CREATE_CONFIGURATION_ITEM,
                ServiceNowTranslation.configurationItemToCreate(item, DISCOVERY_SOURCE),
                arguments(connection, item.className()), JsonNode.class);
        return ServiceNowTranslation.toConfigurationItem(item.className(), created);
    }

    private static Map<String, Object> arguments(Connection connection, String className) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put(JsonApiCalls.CONNECTION, connection);
        arguments.put(ServiceNowRoutes.CI_CLASS, className);
        return arguments;
    }
}
