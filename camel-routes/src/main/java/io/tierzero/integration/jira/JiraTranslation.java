package io.tierzero.integration.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.integration.Connection;
import io.tierzero.integration.ExternalComment;
import io.tierzero.integration.ExternalTicket;
import io.tierzero.integration.RequestRejectedException;
import io.tierzero.integration.TicketField;
import io.tierzero.integration.TicketSnapshot;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Jira issues (REST API v3) to and from TierZero's canonical tickets. Statuses map through the connection's
 * state maps (status names, any case); without an entry, a status maps by its name in Jira Service
 * Management's default workflow, then by its status category. Outbound, the connection's map names the target
 * status (or the transition) for each TierZero state.
 */
public final class JiraTranslation {

    /** The label that marks the issue TierZero created for its ticket, for finding it after a lost answer. */
    public static final String LABEL_PREFIX = "tierzero-";
    /** The fields TierZero reads of an issue. */
    public static final String FIELDS = "summary,description,status,priority,reporter,labels,updated,comment";

    static final DateTimeFormatter JIRA_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final DateTimeFormatter JQL_MINUTE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    private static final Map<String, String> STATES_BY_STATUS = Map.ofEntries(
            Map.entry("open", "new"), Map.entry("to do", "new"), Map.entry("waiting for support", "in_progress"),
            Map.entry("in progress", "in_progress"), Map.entry("waiting for customer", "pending_customer"),
            Map.entry("pending", "pending_customer"), Map.entry("resolved", "resolved"), Map.entry("done", "resolved"),
            Map.entry("closed", "closed"), Map.entry("canceled", "closed"), Map.entry("cancelled", "closed"));
    private static final Map<String, String> STATES_BY_CATEGORY = Map.of(
            "new", "new", "indeterminate", "in_progress", "done", "resolved");
    private static final Map<String, String> DEFAULT_TARGET_STATUS = Map.of(
            "new", "Open", "assigned", "In Progress", "in_progress", "In Progress",
            "pending_customer", "Waiting for customer", "resolved", "Resolved", "closed", "Closed");
    private static final List<String> PRIORITIES = List.of("Highest", "High", "Medium", "Low", "Lowest");

    private JiraTranslation() {
    }

    public static ExternalTicket toExternalTicket(Connection connection, JsonNode issue) {
        JsonNode fields = issue.path("fields");
        String status = textOrNull(fields.path("status").path("name"));
        JsonNode reporter = fields.path("reporter");
        List<ExternalComment> comments = new ArrayList<>();
        for (JsonNode comment : fields.path("comment").path("comments")) {
            comments.add(new ExternalComment(
                    textOrNull(comment.path("id")),
                    textOrNull(comment.path("author").path("displayName")),
                    AtlassianDocuments.toText(comment.get("body")),
                    comment.path("jsdPublic").asBoolean(true),
                    jiraDateTime(textOrNull(comment.path("created")))));
        }
        return new ExternalTicket(
                textOrNull(issue.path("key")),
                textOrNull(fields.path("updated")),
                jiraDateTime(textOrNull(fields.path("updated"))),
                textOrNull(fields.path("summary")),
                AtlassianDocuments.toText(fields.get("description")),
                inboundState(connection, status, textOrNull(fields.path("status").path("statusCategory").path("key"))),
                status,
                priority(textOrNull(fields.path("priority").path("name"))),
                null,
                textOrNull(reporter.path("accountId")),
                textOrNull(reporter.path("displayName")),
                textOrNull(reporter.path("emailAddress")),
                tierZeroReference(fields.path("labels")),
                comments,
                List.of());
    }

    /** {@code POST /rest/api/3/issue}: the ticket as a new issue, labelled with TierZero's reference. */
    public static Map<String, Object> issueToCreate(JiraScope scope, TicketSnapshot ticket) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project", Map.of("key", scope.projectKey()));
        fields.put("issuetype", Map.of("name", scope.issueType()));
        fields.putAll(fieldChanges(ticket, Set.of(TicketField.SUBJECT, TicketField.DESCRIPTION, TicketField.PRIORITY)));
        fields.put("labels", List.of(label(ticket.referenceNumber())));
        return Map.of("fields", fields);
    }

    /**
     * {@code POST /rest/servicedeskapi/request}: the ticket as a customer request raised on behalf of its
     * requester. The request type needs the Labels field (it may be hidden) for the TierZero label.
     */
    public static Map<String, Object> requestToCreate(JiraScope scope, TicketSnapshot ticket) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("summary", ticket.subject());
        if (ticket.description() != null) {
            values.put("description", ticket.description());
        }
        values.put("labels", List.of(label(ticket.referenceNumber())));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("serviceDeskId", scope.serviceDeskId());
        request.put("requestTypeId", scope.requestTypeId());
        request.put("requestFieldValues", values);
        if (ticket.requesterEmail() != null) {
            request.put("raiseOnBehalfOf", ticket.requesterEmail());
        }
        return request;
    }

    /** The issue fields of {@code fields} other than the state, which moves by a transition instead. */
    public static Map<String, Object> fieldChanges(TicketSnapshot ticket, Set<TicketField> fields) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (fields.contains(TicketField.SUBJECT) && ticket.subject() != null) {
            changes.put("summary", ticket.subject());
        }
        if (fields.contains(TicketField.DESCRIPTION) && ticket.description() != null) {
            changes.put("description", AtlassianDocuments.fromText(ticket.description()));
        }
        if (fields.contains(TicketField.PRIORITY)) {
            jiraPriority(ticket.priority()).ifPresent(name -> changes.put("priority", Map.of("name", name)));
        }
        return changes;
    }

    /** The status (or transition) name the connection maps TierZero's {@code state} to. */
    public static Optional<String> targetStatus(Connection connection, String state) {
        if (state == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(connection.outboundStates().isEmpty()
                ? DEFAULT_TARGET_STATUS.get(state) : connection.outboundState(state));
    }

    /**
     * The id of the transition to take towards {@code target}: one named so, or one leading to a status named
     * so (either in any case). Empty when the workflow offers none from the issue's status.
     */
    public static Optional<String> transitionTowards(JsonNode transitions, String target) {
        for (JsonNode transition : transitions.path("transitions")) {
            if (target.equalsIgnoreCase(transition.path("name").asText())
                    || target.equalsIgnoreCase(transition.path("to").path("name").asText())) {
                return Optional.of(transition.path("id").asText());
            }
        }
        return Optional.empty();
    }

    public static Map<String, Object> transition(String id) {
        return Map.of("transition", Map.of("id", id));
    }

    public static Map<String, Object> comment(String text) {
        return Map.of("body", AtlassianDocuments.fromText(text));
    }

    /** JSM's own comment call, the one that can make a comment internal (agents only). */
    public static Map<String, Object> requestComment(String text, boolean publicReply) {
        return Map.of("body", text, "public", publicReply);
    }

    /**
     * Issues of the project updated at or after {@code since}, oldest first. JQL has minute precision and reads
     * dates in the integration user's time zone, which must be UTC (see the README); the minute is rounded down,
     * so a few issues come again, which the sync ignores.
     */
    public static String updatedSinceJql(String projectKey, Instant since) {
        return "project = \"" + jqlValue(projectKey) + "\" AND updated >= \""
                + JQL_MINUTE.format(since.atOffset(ZoneOffset.UTC)) + "\" ORDER BY updated ASC";
    }

    public static String createdForJql(String referenceNumber) {
        return "labels = \"" + jqlValue(label(referenceNumber)) + "\"";
    }

    public static String label(String referenceNumber) {
        if (referenceNumber == null || referenceNumber.isBlank() || referenceNumber.matches(".*\\s.*")) {
            throw new RequestRejectedException("not usable in a Jira label: '" + referenceNumber + "'");
        }
        return LABEL_PREFIX + referenceNumber;
    }

    static Instant jiraDateTime(String value) {
        return value == null ? null : OffsetDateTime.parse(value, JIRA_DATE_TIME).toInstant();
    }

    private static String inboundState(Connection connection, String status, String category) {
        if (status == null) {
            return null;
        }
        if (!connection.inboundStates().isEmpty()) {
            return connection.inboundState(status);
        }
        String byName = STATES_BY_STATUS.get(status.toLowerCase());
        return byName != null ? byName : STATES_BY_CATEGORY.get(category);
    }

    private static String priority(String jiraPriority) {
        int index = jiraPriority == null ? -1 : PRIORITIES.indexOf(jiraPriority);
        return index < 0 ? jiraPriority : "P" + (index + 1);
    }

    private static Optional<String> jiraPriority(String priority) {
        if (priority == null || !priority.toUpperCase().matches("P[1-5]")) {
            return Optional.empty();
        }
        return Optional.of(PRIORITIES.get(Integer.parseInt(priority.substring(1)) - 1));
    }

    private static String tierZeroReference(JsonNode labels) {
        for (JsonNode label : labels) {
            if (label.asText().startsWith(LABEL_PREFIX)) {
                return label.asText().substring(LABEL_PREFIX.length());
            }
        }
        return null;
    }

    /** JQL strings are double-quoted; a quote or backslash inside would end or escape them. */
    private static String jqlValue(String value) {
        if (value.contains("\"") || value.contains("\\")) {
            throw new RequestRejectedException("not usable in JQL: '" + value + "'");
        }
        return value;
    }

    static String textOrNull(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }
}
