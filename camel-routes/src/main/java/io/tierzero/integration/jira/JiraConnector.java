package io.tierzero.integration.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.integration.Connection;
import io.tierzero.integration.ConnectorType;
import io.tierzero.integration.ExternalTicket;
import io.tierzero.integration.OutboundChange;
import io.tierzero.integration.RequestRejectedException;
import io.tierzero.integration.TicketField;
import io.tierzero.integration.TicketSystemConnector;
import io.tierzero.integration.WriteResult;
import io.tierzero.integration.http.HttpCalls;
import io.tierzero.integration.http.JsonApiCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * TierZero's tickets as Jira issues of a project, or as Jira Service Management requests of a service desk
 * (see {@link JiraScope}). An issue's version is its {@code updated} time.
 */
@Component
public class JiraConnector implements TicketSystemConnector {

    static final int PAGE_SIZE = 50;

    private final ProducerTemplate producer;
    /** The project behind each service desk, asked once: JQL searches by project. */
    private final Map<String, String> projectOfServiceDesk = new ConcurrentHashMap<>();

    public JiraConnector(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public ConnectorType type() {
        return ConnectorType.JIRA;
    }

    @Override
    public WriteResult write(Connection connection, OutboundChange change) {
        JiraScope scope = JiraScope.of(connection);
        return switch (change.kind()) {
            case CREATE -> create(connection, scope, change);
            case UPDATE -> update(connection, change);
            case COMMENT -> comment(connection, scope, change);
        };
    }

    private WriteResult create(Connection connection, JiraScope scope, OutboundChange change) {
        String key = scope.isServiceDesk()
                ? call(JiraRoutes.CREATE_REQUEST, JiraTranslation.requestToCreate(scope, change.ticket()), arguments(connection)).path("issueKey").asText()
                : call(JiraRoutes.CREATE_ISSUE, JiraTranslation.issueToCreate(scope, change.ticket()), arguments(connection)).path("key").asText();
        return versionOf(fetchIssue(connection, key).orElseThrow(() -> new RequestRejectedException(
                "Jira issue " + key + " is gone right after it was created")), null);
    }

    private WriteResult update(Connection connection, OutboundChange change) {
        Map<String, Object> arguments = arguments(connection);
        arguments.put(JiraRoutes.ISSUE_KEY, change.externalId());
        arguments.put(JiraRoutes.EXPECTED_UPDATED, change.expectedVersion());
        JiraUpdate update = new JiraUpdate(JiraTranslation.fieldChanges(change.ticket(), change.fields()),
                change.fields().contains(TicketField.STATE)
                        ? JiraTranslation.targetStatus(connection, change.ticket().state()).orElse(null) : null);
        return versionOf(call(JiraRoutes.UPDATE_ISSUE, update, arguments), null);
    }

    /** The comment's id comes back with the result, so the sync knows it as its own when it reads it back. */
    private WriteResult comment(Connection connection, JiraScope scope, OutboundChange change) {
        Map<String, Object> arguments = arguments(connection);
        arguments.put(JiraRoutes.ISSUE_KEY, change.externalId());
        // Only JSM's own comment call can keep a comment from the customer; in a plain Jira project every
        // comment is for the team anyway.
        JsonNode comment = scope.isServiceDesk() && !change.publicReply()
                ? call(JiraRoutes.ADD_REQUEST_COMMENT, JiraTranslation.requestComment(change.comment(), false), arguments)
                : call(JiraRoutes.ADD_COMMENT, JiraTranslation.comment(change.comment()), arguments);
        JsonNode issue = fetchIssue(connection, change.externalId()).orElseThrow(() -> new RequestRejectedException(
                "Jira issue " + change.externalId() + " is gone after a comment was added to it"));
        return versionOf(issue, JiraTranslation.textOrNull(comment.path("id")));
    }

    private static WriteResult versionOf(JsonNode issue, String commentId) {
        return new WriteResult(issue.path("key").asText(), JiraTranslation.textOrNull(issue.path("fields").path("updated")), commentId);
    }

    @Override
    public List<ExternalTicket> changedSince(Connection connection, Instant since) {
        return search(connection, JiraTranslation.updatedSinceJql(projectKey(connection), since));
    }

    @Override
    public Optional<ExternalTicket> fetch(Connection connection, String externalId) {
        return fetchIssue(connection, externalId).map(issue -> JiraTranslation.toExternalTicket(connection, issue));
    }

    @Override
    public Optional<ExternalTicket> findCreatedFor(Connection connection, String referenceNumber) {
        return search(connection, "project = \"" + projectKey(connection) + "\" AND "
                + JiraTranslation.createdForJql(referenceNumber)).stream().findFirst();
    }

    /** The request types of the connection's service desk, id to name: what a JSM scope's requestTypeId refers to. */
    public Map<String, String> requestTypes(Connection connection) {
        Map<String, String> types = new LinkedHashMap<>();
        int start = 0;
        boolean lastPage = false;
        while (!lastPage) {
            Map<String, Object> arguments = arguments(connection);
            arguments.put(JiraRoutes.SERVICE_DESK_ID, JiraScope.of(connection).serviceDeskId());
            arguments.put(JiraRoutes.QUERY, Map.of("start", String.valueOf(start), "limit", String.valueOf(PAGE_SIZE)));
            JsonNode page = call(JiraRoutes.LIST_REQUEST_TYPES, null, arguments);
            page.path("values").forEach(type -> types.put(type.path("id").asText(), type.path("name").asText()));
            start += page.path("size").asInt();
            lastPage = page.path("isLastPage").asBoolean(true) || page.path("size").asInt() == 0;
        }
        return types;
    }

    private List<ExternalTicket> search(Connection connection, String jql) {
        List<ExternalTicket> issues = new ArrayList<>();
        String nextPageToken = null;
        do {
            Map<String, String> query = new HashMap<>(Map.of("jql", jql, "fields", JiraTranslation.FIELDS,
                    "maxResults", String.valueOf(PAGE_SIZE)));
            if (nextPageToken != null) {
                query.put("nextPageToken", nextPageToken);
            }
            Map<String, Object> arguments = arguments(connection);
            arguments.put(JiraRoutes.QUERY, query);
            JsonNode page = call(JiraRoutes.SEARCH_ISSUES, null, arguments);
            page.path("issues").forEach(issue -> issues.add(JiraTranslation.toExternalTicket(connection, issue)));
            nextPageToken = page.path("isLast").asBoolean(false) ? null : JiraTranslation.textOrNull(page.path("nextPageToken"));
        } while (nextPageToken != null);
        return issues;
    }

    private Optional<JsonNode> fetchIssue(Connection connection, String key) {
        Map<String, Object> arguments = arguments(connection);
        arguments.put(JiraRoutes.ISSUE_KEY, key);
        return Optional.ofNullable(call(JiraRoutes.GET_ISSUE, null, arguments));
    }

    private String projectKey(Connection connection) {
        JiraScope scope = JiraScope.of(connection);
        if (!scope.isServiceDesk()) {
            return scope.projectKey();
        }
        return projectOfServiceDesk.computeIfAbsent(connection.id() + "/" + scope.serviceDeskId(), serviceDesk -> {
            Map<String, Object> arguments = arguments(connection);
            arguments.put(JiraRoutes.SERVICE_DESK_ID, scope.serviceDeskId());
            return call(JiraRoutes.GET_SERVICE_DESK, null, arguments).path("projectKey").asText();
        });
    }

    private JsonNode call(String route, Object body, Map<String, Object> arguments) {
        return HttpCalls.call(producer, route, body, arguments, JsonNode.class);
    }

    private static Map<String, Object> arguments(Connection connection) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put(JsonApiCalls.CONNECTION, connection);
        return arguments;
    }
}
