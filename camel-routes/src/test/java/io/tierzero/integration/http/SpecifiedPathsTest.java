package io.tierzero.integration.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The contract check itself: it must tell a specified operation from one the spec does not define. */
class SpecifiedPathsTest {

    @Test
    void theServiceNowTableSpecDefinesTheTableOperationsAndNothingElse() {
        SpecifiedPaths table = SpecifiedPaths.load("servicenow-api-evangelist/servicenow-table-records-api-openapi.yml");

        assertThat(table.defines("GET", "/api/now/table/incident")).isTrue();
        assertThat(table.defines("PATCH", "/api/now/table/incident/9d385017c611228701d22104cc95c371")).isTrue();
        assertThat(table.defines("PATCH", "/api/now/table/incident")).isFalse();
        assertThat(table.defines("GET", "/api/now/table/incident/x/y")).isFalse();
        assertThat(table.defines("GET", "/api/now/cmdb/instance/cmdb_ci_linux_server")).isFalse();
    }

    @Test
    void theJiraSpecDefinesSearchByJqlButNotTheServiceDeskApi() {
        SpecifiedPaths jira = SpecifiedPaths.load("jira-platform-v3/swagger-v3.v3.json");

        assertThat(jira.size()).isGreaterThan(400);
        assertThat(jira.defines("GET", "/rest/api/3/search/jql")).isTrue();
        assertThat(jira.defines("POST", "/rest/api/3/issue/OPS-1/transitions")).isTrue();
        assertThat(jira.defines("PATCH", "/rest/api/3/issue/OPS-1")).isFalse();
        assertThat(jira.defines("POST", "/rest/servicedeskapi/request")).isFalse();
    }
}
