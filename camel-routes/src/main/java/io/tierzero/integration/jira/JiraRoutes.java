package io.tierzero.integration.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.RequestRejectedException;
import io.tierzero.integration.VersionConflictException;
import io.tierzero.integration.http.ExternalCallSettings;
import io.tierzero.integration.http.JsonApiCalls;
import io.tierzero.integration.http.RateLimitBackoff;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Jira Cloud's REST API v3 ({@code /rest/api/3}) and Jira Service Management's ({@code /rest/servicedeskapi}).
 * Each route takes the connection and its arguments as exchange properties and answers with Jira's JSON
 * answer as a {@link JsonNode}.
 */
@Component
public class JiraRoutes extends RouteBuilder {

    public static final String CREATE_ISSUE = "direct:jira-create-issue";
    public static final String CREATE_REQUEST = "direct:jira-create-request";
    public static final String GET_ISSUE = "direct:jira-get-issue";
    public static final String UPDATE_ISSUE = "direct:jira-update-issue";
    public static final String ADD_COMMENT = "direct:jira-add-comment";
    public static final String ADD_REQUEST_COMMENT = "direct:jira-add-request-comment";
    public static final String SEARCH_ISSUES = "direct:jira-search-issues";
    public static final String GET_SERVICE_DESK = "direct:jira-get-service-desk";
    public static final String LIST_REQUEST_TYPES = "direct:jira-list-request-types";

    /** Exchange properties the routes read. */
    public static final String ISSUE_KEY = "jiraIssueKey";
    public static final String EXPECTED_UPDATED = "jiraExpectedUpdated";
    public static final String SERVICE_DESK_ID = "jiraServiceDeskId";
    public static final String QUERY = JsonApiCalls.QUERY;

    private static final String READ_VERSION = "direct:jira-read-version";
    private static final String MOVE_TO_STATUS = "direct:jira-move-to-status";
    private static final String UPDATE = "jiraUpdate";
    private static final String CURRENT_STATUS = "jiraCurrentStatus";
    private static final String ISSUE_PATH = "/rest/api/3/issue/${exchangeProperty." + ISSUE_KEY + "}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExternalCallSettings settings;

    public JiraRoutes(ExternalCallSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().logExhausted(false));
        RateLimitBackoff.retryWhenRateLimited(this, settings);

        from(CREATE_ISSUE).routeId("jira-create-issue")
                .setProperty(JsonApiCalls.METHOD, constant("POST"))
                .setProperty(JsonApiCalls.PATH, constant("/rest/api/3/issue"))
                .to(JsonApiCalls.CALL)
                .process(JiraRoutes::readJson);

        from(CREATE_REQUEST).routeId("jira-create-request")
                .setProperty(JsonApiCalls.METHOD, constant("POST"))
                .setProperty(JsonApiCalls.PATH, constant("/rest/servicedeskapi/request"))
                .to(JsonApiCalls.CALL)
                .process(JiraRoutes::readJson);

        from(GET_ISSUE).routeId("jira-get-issue")
                .process(JsonApiCalls.NO_BODY)
                .setProperty(JsonApiCalls.METHOD, constant("GET"))
                .setProperty(JsonApiCalls.PATH, simple(ISSUE_PATH))
                .setProperty(QUERY, constant(Map.of("fields", JiraTranslation.FIELDS)))
                .setProperty(JsonApiCalls.NOT_FOUND_IS_EMPTY, constant(true))
                .to(JsonApiCalls.CALL)
                .process(JiraRoutes::readJson);

        // Jira has no If-Match: the version check reads the issue's "updated" first and refuses the update when
        // it moved. A change made between that read and the write still wins silently; Jira offers no way to
        // close that window from outside.
        from(UPDATE_ISSUE).routeId("jira-update-issue")
                .setProperty(UPDATE, body())
                .to(READ_VERSION)
                .process(JiraRoutes::refuseWhenUpdatedSinceExpected)
                .filter(JiraRoutes::changesFields)
                    .process(JiraRoutes::putFieldChanges)
                    .to(JsonApiCalls.CALL)
                .end()
                .filter(JiraRoutes::changesStatus)
                    .to(MOVE_TO_STATUS)
                .end()
                .to(READ_VERSION);

        from(READ_VERSION).routeId("jira-read-version")
                .process(JsonApiCalls.NO_BODY)
                .setProperty(JsonApiCalls.METHOD, constant("GET"))
                .setProperty(JsonApiCalls.PATH, simple(ISSUE_PATH))
                .setProperty(QUERY, constant(Map.of("fields", "updated,status")))
                .to(JsonApiCalls.CALL)
                .process(JiraRoutes::readJson)
                .process(JiraRoutes::rememberCurrentStatus);

        from(MOVE_TO_STATUS).routeId("jira-move-to-status")
                .process(JsonApiCalls.NO_BODY)
                .removeProperty(QUERY)
                .setProperty(JsonApiCalls.METHOD, constant("GET"))
                .setProperty(JsonApiCalls.PATH, simple(ISSUE_PATH + "/transitions"))
                .to(JsonApiCalls.CALL)
                .process(JiraRoutes::readJson)
                .process(JiraRoutes::chooseTransition)
                .setProperty(JsonApiCalls.METHOD, constant("POST"))
                .to(JsonApiCalls.CALL);

        from(ADD_COMMENT).routeId("jira-add-comment")
                .setProperty(JsonApiCalls.METHOD, constant("POST"))
                .setProperty(JsonApiCalls.PATH, simple(ISSUE_PATH + "/comment"))
                .to(JsonApiCalls.CALL)
                .process(JiraRoutes::readJson);

        from(ADD_REQUEST_COMMENT).routeId("jira-add-request-comment")
                .setProperty(JsonApiCalls.METHOD, constant("POST"))
                .setProperty(JsonApiCalls.PATH, simple("/rest/servicedeskapi/request/${exchangeProperty." + ISSUE_KEY + "}/comment"))
                .to(JsonApiCalls.CALL)
                .process(JiraRoutes::readJson);

        from(SEARCH_ISSUES).routeId("jira-search-issues")
                .process(JsonApiCalls.NO_BODY)
                .setProperty(JsonApiCalls.METHOD, constant("GET"))
                .setProperty(JsonApiCalls.PATH, constant("/rest/api/3/search/jql"))
                .to(JsonApiCalls.CALL)
                .process(JiraRoutes::readJson);

        from(GET_SERVICE_DESK).routeId("jira-get-service-desk")
                .process(JsonApiCalls.NO_BODY)
                .setProperty(JsonApiCalls.METHOD, constant("GET"))
                .setProperty(JsonApiCalls.PATH, simple("/rest/servicedeskapi/servicedesk/${exchangeProperty." + SERVICE_DESK_ID + "}"))
                .to(JsonApiCalls.CALL)
                .process(JiraRoutes::readJson);

        from(LIST_REQUEST_TYPES).routeId("jira-list-request-types")
                .process(JsonApiCalls.NO_BODY)
                .setProperty(JsonApiCalls.METHOD, constant("GET"))
                .setProperty(JsonApiCalls.PATH, simple(
                        "/rest/servicedeskapi/servicedesk/${exchangeProperty." + SERVICE_DESK_ID + "}/requesttype"))
                .to(JsonApiCalls.CALL)
                .process(JiraRoutes::readJson);
    }

    private static void readJson(Exchange exchange) throws Exception {
        String body = exchange.getMessage().getBody(String.class);
        exchange.getMessage().setBody(body == null || body.isBlank() ? null : JSON.readTree(body));
    }

    private static void refuseWhenUpdatedSinceExpected(Exchange exchange) {
        String expected = exchange.getProperty(EXPECTED_UPDATED, String.class);
        String current = JiraTranslation.textOrNull(exchange.getMessage().getBody(JsonNode.class).path("fields").path("updated"));
        if (expected != null && !expected.equals(current)) {
            throw new VersionConflictException("Jira issue " + exchange.getProperty(ISSUE_KEY) + " was updated "
                    + current + ", the update was based on " + expected);
        }
    }

    private static void rememberCurrentStatus(Exchange exchange) {
        exchange.setProperty(CURRENT_STATUS, JiraTranslation.textOrNull(
                exchange.getMessage().getBody(JsonNode.class).path("fields").path("status").path("name")));
    }

    private static boolean changesFields(Exchange exchange) {
        return !exchange.getProperty(UPDATE, JiraUpdate.class).fields().isEmpty();
    }

    private static void putFieldChanges(Exchange exchange) {
        exchange.setProperty(JsonApiCalls.METHOD, "PUT");
        exchange.setProperty(JsonApiCalls.PATH, "/rest/api/3/issue/" + exchange.getProperty(ISSUE_KEY));
        exchange.removeProperty(QUERY);
        exchange.getMessage().setBody(Map.of("fields", exchange.getProperty(UPDATE, JiraUpdate.class).fields()));
    }

    /** A status change unless the issue is in that status already. */
    private static boolean changesStatus(Exchange exchange) {
        String target = exchange.getProperty(UPDATE, JiraUpdate.class).targetStatus();
        return target != null && !target.equalsIgnoreCase(exchange.getProperty(CURRENT_STATUS, String.class));
    }

    private static void chooseTransition(Exchange exchange) {
        String target = exchange.getProperty(UPDATE, JiraUpdate.class).targetStatus();
        String transition = JiraTranslation.transitionTowards(exchange.getMessage().getBody(JsonNode.class), target)
                .orElseThrow(() -> new RequestRejectedException("Jira issue " + exchange.getProperty(ISSUE_KEY)
                        + " has no transition from " + exchange.getProperty(CURRENT_STATUS) + " to " + target));
        exchange.getMessage().setBody(JiraTranslation.transition(transition));
    }
}
