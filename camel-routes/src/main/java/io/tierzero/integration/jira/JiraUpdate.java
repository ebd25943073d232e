package io.tierzero.integration.jira;

import java.util.Map;

/** One update of a Jira issue: field values to PUT, and the status (or transition) to move it to, if any. */
public record JiraUpdate(Map<String, Object> fields, String targetStatus) {

    public JiraUpdate {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
