package io.tierzero.integration.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.integration.ConfigurationItemRecord;
import io.tierzero.integration.Connection;
import io.tierzero.integration.ExternalComment;
import io.tierzero.integration.ExternalTicket;
import io.tierzero.integration.RequestRejectedException;
import io.tierzero.integration.TicketField;
import io.tierzero.integration.TicketSnapshot;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ServiceNow records (Table API, {@code sysparm_display_value=false}: every value a string, dates in UTC as
 * {@code yyyy-MM-dd HH:mm:ss}) to and from TierZero's canonical tickets. The table is the connection's scope:
 * {@code incident} (default) or {@code sc_req_item}. States go through the connection's state maps; without
 * them the ServiceNow out-of-the-box states apply (see {@link #defaultInboundStates}).
 */
public final class ServiceNowTranslation {

    public static final String INCIDENT = "incident";
    public static final String REQUESTED_ITEM = "sc_req_item";
    /** Marks records TierZero created, next to {@code correlation_id} = TierZero's reference number. */
    public static final String CORRELATION_DISPLAY = "TierZero";

    static final DateTimeFormatter GLIDE_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private static final Map<String, String> INCIDENT_STATES_IN = Map.of(
            "1", "new", "2", "in_progress", "3", "pending_customer", "6", "resolved", "7", "closed", "8", "closed");
    private static final Map<String, String> INCIDENT_STATES_OUT = Map.of(
            "new", "1", "assigned", "2", "in_progress", "2", "pending_customer", "3", "resolved", "6", "closed", "7");
    private static final Map<String, String> REQUESTED_ITEM_STATES_IN = Map.of(
            "-5", "new", "1", "new", "2", "in_progress", "3", "closed", "4", "closed", "7", "closed");
    private static final Map<String, String> REQUESTED_ITEM_STATES_OUT = Map.of(
            "new", "1", "assigned", "1", "in_progress", "2", "pending_customer", "2", "resolved", "3", "closed", "3");
    /** ServiceNow derives an incident's priority from impact x urgency; these pairs give P1..P5 in its default matrix. */
    private static final Map<String, List<String>> IMPACT_URGENCY_OF_PRIORITY = Map.of(
            "P1", List.of("1", "1"), "P2", List.of("1", "2"), "P3", List.of("2", "2"), "P4", List.of("2", "3"),
            "P5", List.of("3", "3"));
    /** Incident "On Hold" needs a reason; TierZero only puts a ticket on hold to wait for the requester. */
    private static final String ON_HOLD = "3";
    private static final String AWAITING_CALLER = "1";

    private ServiceNowTranslation() {
    }

    public static String table(Connection connection) {
        return connection.scope() == null || connection.scope().isBlank() ? INCIDENT : connection.scope().trim();
    }

    /** Who asked: the caller on an incident, "requested for" on a requested item. */
    static String requesterField(String table) {
        return REQUESTED_ITEM.equals(table) ? "requested_for" : "caller_id";
    }

    /** The fields read for a ticket, with dot-walked requester and group so no second lookup is needed. */
    public static String fieldsToRead(String table) {
        String requester = requesterField(table);
        return String.join(",", "sys_id", "number", "sys_mod_count", "sys_updated_on", "short_description",
                "description", "state", "priority", "assignment_group", "assignment_group.name", requester,
                requester + ".name", requester + ".email", "correlation_id", "correlation_display", "cmdb_ci");
    }

    public static Map<String, String> defaultInboundStates(String table) {
        return REQUESTED_ITEM.equals(table) ? REQUESTED_ITEM_STATES_IN : INCIDENT_STATES_IN;
    }

    public static Map<String, String> defaultOutboundStates(String table) {
        return REQUESTED_ITEM.equals(table) ? REQUESTED_ITEM_STATES_OUT : INCIDENT_STATES_OUT;
    }

    public static ExternalTicket toExternalTicket(Connection connection, JsonNode record) {
        return toExternalTicket(connection, record, List.of());
    }

    /** The record with its journal: the entries of {@code comments} (public) and {@code work_notes} (internal). */
    public static ExternalTicket toExternalTicket(Connection connection, JsonNode record, List<ExternalComment> journal) {
        String table = table(connection);
        String requester = requesterField(table);
        String externalState = text(record, "state");
        String correlation = CORRELATION_DISPLAY.equals(text(record, "correlation_display"))
                ? text(record, "correlation_id") : null;
        String configurationItem = text(record, "cmdb_ci");
        String group = Optional.ofNullable(text(record, "assignment_group.name")).orElse(text(record, "assignment_group"));
        return new ExternalTicket(
                text(record, "sys_id"),
                text(record, "sys_mod_count"),
                glideDateTime(text(record, "sys_updated_on")),
                text(record, "short_description"),
                text(record, "description"),
                inboundState(connection, table, externalState),
                externalState,
                priority(text(record, "priority")),
                group,
                text(record, requester),
                text(record, requester + ".name"),
                text(record, requester + ".email"),
                correlation,
                journal,
                configurationItem == null ? List.of() : List.of(configurationItem));
    }

    /** A new record for TierZero's ticket, marked with TierZero's reference so a lost answer can be found again. */
    public static Map<String, Object> recordToCreate(Connection connection, TicketSnapshot ticket, String requesterSysId) {
        String table = table(connection);
        Map<String, Object> record = changes(connection, ticket, Set.of(TicketField.values()));
        if (requesterSysId != null) {
            record.put(requesterField(table), requesterSysId);
        }
        record.put("correlation_id", ticket.referenceNumber());
        record.put("correlation_display", CORRELATION_DISPLAY);
        return record;
    }

    /** The fields of {@code ticket} named in {@code fields}, as ServiceNow stores them; unmapped states are left out. */
    public static Map<String, Object> changes(Connection connection, TicketSnapshot ticket, Set<TicketField> fields) {
        String table = table(connection);
        Map<String, Object> record = new LinkedHashMap<>();
        for (TicketField field : fields) {
            switch (field) {
                case SUBJECT -> putIfPresent(record, "short_description", ticket.subject());
                case DESCRIPTION -> putIfPresent(record, "description", ticket.description());
                case ASSIGNMENT_GROUP -> putIfPresent(record, "assignment_group", ticket.assignmentGroup());
                case STATE -> outboundState(connection, table, ticket.state()).ifPresent(state -> {
                    record.put("state", state);
                    if (INCIDENT.equals(table) && ON_HOLD.equals(state)) {
                        record.put("hold_reason", AWAITING_CALLER);
                    }
                });
                case PRIORITY -> putPriority(record, table, ticket.priority());
            }
        }
        return record;
    }

    /** The journal entries (sys_journal_field) of these records, oldest first. */
    public static String journalQuery(Collection<String> sysIds) {
        sysIds.forEach(ServiceNowTranslation::queryValue);
        return "element_idIN" + String.join(",", sysIds) + "^elementINcomments,work_notes^ORDERBYsys_created_on";
    }

    public static final String JOURNAL_FIELDS = "sys_id,element_id,element,value,sys_created_by,sys_created_on";

    public static ExternalComment toComment(JsonNode entry) {
        return new ExternalComment(text(entry, "sys_id"), text(entry, "sys_created_by"), text(entry, "value"),
                "comments".equals(text(entry, "element")), glideDateTime(text(entry, "sys_created_on")));
    }

    /** The newest journal entry the integration user wrote on a record, in one of its two journal fields. */
    public static String ownNewestEntryQuery(String sysId, boolean publicReply, String username) {
        return "element_id=" + queryValue(sysId) + "^element=" + (publicReply ? "comments" : "work_notes")
                + "^sys_created_by=" + queryValue(username) + "^ORDERBYDESCsys_created_on";
    }

    /** A public comment goes to {@code comments} (the caller sees it), an internal note to {@code work_notes}. */
    public static Map<String, Object> journalEntry(String text, boolean publicReply) {
        return Map.of(publicReply ? "comments" : "work_notes", text);
    }

    /**
     * Records updated at or after {@code since}, oldest first. {@code gs.dateGenerate} reads the date in the
     * integration user's time zone: that user's time zone must be UTC (see the README).
     */
    public static String updatedSinceQuery(Instant since) {
        LocalDateTime utc = LocalDateTime.ofInstant(since, ZoneOffset.UTC);
        return "sys_updated_on>=javascript:gs.dateGenerate('" + utc.toLocalDate() + "','"
                + utc.toLocalTime().withNano(0).format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "')"
                + "^ORDERBYsys_updated_on";
    }

    public static String createdForQuery(String referenceNumber) {
        return "correlation_id=" + queryValue(referenceNumber) + "^correlation_display=" + CORRELATION_DISPLAY;
    }

    public static String recordQuery(String sysId) {
        return "sys_id=" + queryValue(sysId);
    }

    public static String userByEmailQuery(String email) {
        return "email=" + queryValue(email);
    }

    /**
     * The query parameters of the Link header's {@code rel="next"} page, empty on the last page. Only the
     * parameters are kept: the next page is asked of the connection's own base URL, so credentials never go to
     * a host a header names.
     */
    public static Map<String, String> nextPageQuery(String linkHeader) {
        if (linkHeader == null) {
            return Map.of();
        }
        Matcher next = NEXT_LINK.matcher(linkHeader);
        if (!next.find()) {
            return Map.of();
        }
        String rawQuery = URI.create(next.group(1).trim()).getRawQuery();
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String parameter : rawQuery.split("&")) {
                int equals = parameter.indexOf('=');
                String name = equals < 0 ? parameter : parameter.substring(0, equals);
                String value = equals < 0 ? "" : parameter.substring(equals + 1);
                query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    /**
     * The query of the page after this one: the Link header's {@code rel="next"}, or, when ServiceNow sent no Link
     * header, the same query at the next offset while X-Total-Count says more records follow. Empty on the last page.
     */
    public static Map<String, String> nextPage(Map<String, String> query, String linkHeader, Integer totalCount,
                                               int recordsOnPage) {
        Map<String, String> next = nextPageQuery(linkHeader);
        if (linkHeader != null || totalCount == null || recordsOnPage == 0) {
            return next;
        }
        int offset = Integer.parseInt(query.getOrDefault("sysparm_offset", "0")) + recordsOnPage;
        if (offset >= totalCount) {
            return Map.of();
        }
        Map<String, String> following = new LinkedHashMap<>(query);
        following.put("sysparm_offset", String.valueOf(offset));
        return following;
    }

    public static ConfigurationItemRecord toConfigurationItem(String className, JsonNode item) {
        JsonNode attributes = item.has("attributes") ? item.get("attributes") : item;
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = attributes.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String value = plainValue(field.getValue());
            if (value != null && !value.isEmpty() && !"sys_id".equals(field.getKey()) && !"name".equals(field.getKey())) {
                values.put(field.getKey(), value);
            }
        }
        String itemClass = Optional.ofNullable(text(attributes, "sys_class_name")).orElse(className);
        return new ConfigurationItemRecord(text(attributes, "sys_id"), itemClass, text(attributes, "name"), values);
    }

    /** The CMDB Instance API's create body: the attributes and the discovery source they come from. */
    public static Map<String, Object> configurationItemToCreate(ConfigurationItemRecord item, String discoverySource) {
        Map<String, Object> attributes = new LinkedHashMap<>(item.attributes());
        attributes.put("name", item.name());
        return Map.of("attributes", attributes, "source", discoverySource);
    }

    static Instant glideDateTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim(), GLIDE_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notGlideFormat) {
            return Instant.parse(value.trim());
        }
    }

    private static String inboundState(Connection connection, String table, String externalState) {
        if (externalState == null) {
            return null;
        }
        return connection.inboundStates().isEmpty()
                ? defaultInboundStates(table).get(externalState)
                : connection.inboundState(externalState);
    }

    private static Optional<String> outboundState(Connection connection, String table, String tierZeroState) {
        if (tierZeroState == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(connection.outboundStates().isEmpty()
                ? defaultOutboundStates(table).get(tierZeroState)
                : connection.outboundState(tierZeroState));
    }

    private static void putPriority(Map<String, Object> record, String table, String priority) {
        if (priority == null || !IMPACT_URGENCY_OF_PRIORITY.containsKey(priority.toUpperCase())) {
            return;
        }
        if (INCIDENT.equals(table)) {
            List<String> impactAndUrgency = IMPACT_URGENCY_OF_PRIORITY.get(priority.toUpperCase());
            record.put("impact", impactAndUrgency.get(0));
            record.put("urgency", impactAndUrgency.get(1));
        } else {
            record.put("priority", priority.substring(1));
        }
    }

    private static String priority(String servicenowPriority) {
        return servicenowPriority == null || !servicenowPriority.matches("[1-5]") ? servicenowPriority : "P" + servicenowPriority;
    }

    private static void putIfPresent(Map<String, Object> record, String field, String value) {
        if (value != null) {
            record.put(field, value);
        }
    }

    /** Encoded queries use {@code ^} between conditions: a value holding one would change the query. */
    private static String queryValue(String value) {
        if (value == null || value.isBlank() || value.contains("^")) {
            throw new RequestRejectedException("not usable in a ServiceNow query: '" + value + "'");
        }
        return value;
    }

    /** A field's value; with {@code sysparm_display_value=all} or a reference link, the {@code value} inside. */
    static String text(JsonNode record, String field) {
        return plainValue(record.get(field));
    }

    private static String plainValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return node.has("value") ? plainValue(node.get("value")) : null;
        }
        String value = node.asText();
        return value.isEmpty() ? null : value;
    }
}
