package io.tierzero.integration.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.VersionConflictException;
import io.tierzero.integration.http.ExternalCallSettings;
import io.tierzero.integration.http.JsonApiCalls;
import io.tierzero.integration.http.RateLimitBackoff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * ServiceNow's Table API ({@code /api/now/table/{table}}) and CMDB Instance API ({@code /api/now/cmdb/instance/
 * {class}}). Each route takes the connection and its arguments as exchange properties and answers with the
 * {@code result} of ServiceNow's answer as a {@link JsonNode}, or a {@link ServiceNowPage} for lists.
 */
@Component
public class ServiceNowRoutes extends RouteBuilder {

    public static final String CREATE_RECORD = "direct:servicenow-create-record";
    public static final String UPDATE_RECORD = "direct:servicenow-update-record";
    public static final String FIND_RECORDS = "direct:servicenow-find-records";
    public static final String LIST_CONFIGURATION_ITEMS = "direct:servicenow-list-configuration-items";
    public static final String GET_CONFIGURATION_ITEM = "direct:servicenow-get-configuration-item";
    public static final String CREATE_CONFIGURATION_ITEM = "direct:servicenow-create-configuration-item";

    /** Exchange properties the routes read. */
    public static final String TABLE = "servicenowTable";
    public static final String SYS_ID = "servicenowSysId";
    public static final String EXPECTED_MOD_COUNT = "servicenowExpectedModCount";
    public static final String QUERY = JsonApiCalls.QUERY;
    public static final String CI_CLASS = "servicenowCiClass";

    private static final String READ_MOD_COUNT = "direct:servicenow-read-mod-count";
    private static final String CHANGES = "servicenowChanges";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExternalCallSettings settings;

    public ServiceNowRoutes(ExternalCallSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().logExhausted(false));
        RateLimitBackoff.retryWhenRateLimited(this, settings);

        from(CREATE_RECORD).routeId("servicenow-create-record")
                .setProperty(JsonApiCalls.METHOD, constant("POST"))
                .setProperty(JsonApiCalls.PATH, simple("/api/now/table/${exchangeProperty." + TABLE + "}"))
                .process(ServiceNowRoutes::askForTicketFields)
                .to(JsonApiCalls.CALL)
                .process(ServiceNowRoutes::keepResult);

        // ServiceNow has no If-Match: the version check reads sys_mod_count first and refuses the update when it
        // moved. A change made between that read and the PATCH still wins silently; ServiceNow offers no way to
        // close that window from outside.
        from(UPDATE_RECORD).routeId("servicenow-update-record")
                .setProperty(CHANGES, body())
                .filter(exchangeProperty(EXPECTED_MOD_COUNT).isNotNull())
                    .to(READ_MOD_COUNT)
                    .process(ServiceNowRoutes::refuseWhenModifiedSinceExpected)
                .end()
                .setBody(exchangeProperty(CHANGES))
                .setProperty(JsonApiCalls.METHOD, constant("PATCH"))
                .setProperty(JsonApiCalls.PATH, simple(
                        "/api/now/table/${exchangeProperty." + TABLE + "}/${exchangeProperty." + SYS_ID + "}"))
                .process(ServiceNowRoutes::askForTicketFields)
                .to(JsonApiCalls.CALL)
                .process(ServiceNowRoutes::keepResult);

        from(READ_MOD_COUNT).routeId("servicenow-read-mod-count")
                .process(JsonApiCalls.NO_BODY)
                .setProperty(JsonApiCalls.METHOD, constant("GET"))
                .setProperty(JsonApiCalls.PATH, simple(
                        "/api/now/table/${exchangeProperty." + TABLE + "}/${exchangeProperty." + SYS_ID + "}"))
                .setProperty(QUERY, constant(Map.of("sysparm_fields", "sys_id,sys_mod_count")))
                .to(JsonApiCalls.CALL)
                .process(ServiceNowRoutes::keepResult);

        from(FIND_RECORDS).routeId("servicenow-find-records")
                .process(JsonApiCalls.NO_BODY)
                .setProperty(JsonApiCalls.METHOD, constant("GET"))
                .setProperty(JsonApiCalls.PATH, simple("/api/now/table/${exchangeProperty." + TABLE + "}"))
                .to(JsonApiCalls.CALL)
                .process(ServiceNowRoutes::keepPage);

        from(LIST_CONFIGURATION_ITEMS).routeId("servicenow-list-configuration-items")
                .process(JsonApiCalls.NO_BODY)
                .setProperty(JsonApiCalls.METHOD, constant("GET"))
                .setProperty(JsonApiCalls.PATH, simple("/api/now/cmdb/instance/${exchangeProperty." + CI_CLASS + "}"))
                .to(JsonApiCalls.CALL)
                .process(ServiceNowRoutes::keepPage);

        from(GET_CONFIGURATION_ITEM).routeId("servicenow-get-configuration-item")
                .process(JsonApiCalls.NO_BODY)
                .setProperty(JsonApiCalls.METHOD, constant("GET"))
                .setProperty(JsonApiCalls.PATH, simple(
                        "/api/now/cmdb/instance/${exchangeProperty." + CI_CLASS + "}/${exchangeProperty." + SYS_ID + "}"))
                .to(JsonApiCalls.CALL)
                .process(ServiceNowRoutes::keepResult);

        from(CREATE_CONFIGURATION_ITEM).routeId("servicenow-create-configuration-item")
                .setProperty(JsonApiCalls.METHOD, constant("POST"))
                .setProperty(JsonApiCalls.PATH, simple("/api/now/cmdb/instance/${exchangeProperty." + CI_CLASS + "}"))
                .to(JsonApiCalls.CALL)
                .process(ServiceNowRoutes::keepResult);
    }

    /** Writes answer with the same fields a read gets, so the caller sees the record as it now is. */
    private static void askForTicketFields(Exchange exchange) {
        String table = exchange.getProperty(TABLE, String.class);
        exchange.setProperty(QUERY, Map.of("sysparm_fields", ServiceNowTranslation.fieldsToRead(table),
                "sysparm_exclude_reference_link", "true"));
    }

    private static void refuseWhenModifiedSinceExpected(Exchange exchange) {
        String expected = exchange.getProperty(EXPECTED_MOD_COUNT, String.class);
        String current = ServiceNowTranslation.text(exchange.getMessage().getBody(JsonNode.class), "sys_mod_count");
        if (!expected.equals(current)) {
            throw new VersionConflictException("ServiceNow " + exchange.getProperty(TABLE) + " "
                    + exchange.getProperty(SYS_ID) + " is at sys_mod_count " + current + ", the update was based on "
                    + expected);
        }
    }

    private static void keepResult(Exchange exchange) throws Exception {
        exchange.getMessage().setBody(JSON.readTree(exchange.getMessage().getBody(String.class)).path("result"));
    }

    private static void keepPage(Exchange exchange) throws Exception {
        var message = exchange.getMessage();
        List<JsonNode> records = new ArrayList<>();
        JSON.readTree(message.getBody(String.class)).path("result").forEach(records::add);
        Integer totalCount = message.getHeader("X-Total-Count", Integer.class);
        @SuppressWarnings("unchecked")
        Map<String, String> query = exchange.getProperty(QUERY, Map.of(), Map.class);
        Map<String, String> next = ServiceNowTranslation.nextPage(query, message.getHeader("Link", String.class),
                totalCount, records.size());
        message.setBody(new ServiceNowPage(records, next, totalCount));
    }
}
