package io.tierzero.integration.jira;

import io.tierzero.integration.Connection;

/**
 * Where a Jira connection's tickets live, from its scope: {@code PROJECT} or {@code PROJECT:IssueType} for
 * Jira issues (issue type Task unless named), {@code servicedesk:<serviceDeskId>:<requestTypeId>} for Jira
 * Service Management requests.
 */
public record JiraScope(String projectKey, String issueType, String serviceDeskId, String requestTypeId) {

    static final String DEFAULT_ISSUE_TYPE = "Task";

    public static JiraScope of(Connection connection) {
        String scope = connection.scope() == null ? "" : connection.scope().trim();
        String[] parts = scope.split(":");
        if (parts.length == 3 && parts[0].equalsIgnoreCase("servicedesk")) {
            return new JiraScope(null, null, parts[1], parts[2]);
        }
        if (scope.isEmpty() || parts.length > 2) {
            throw new IllegalStateException("the scope of " + connection.id() + " must be PROJECT, PROJECT:IssueType "
                    + "or servicedesk:<serviceDeskId>:<requestTypeId>, not '" + scope + "'");
        }
        return new JiraScope(parts[0], parts.length == 2 ? parts[1] : DEFAULT_ISSUE_TYPE, null, null);
    }

    public boolean isServiceDesk() {
        return serviceDeskId != null;
    }
}
