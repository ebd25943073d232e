package io.tierzero.integration.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One page of a ServiceNow list answer: its records, the query of the next page (from the Link header's
 * {@code rel="next"}, empty on the last page) and the X-Total-Count of the whole result, when sent.
 */
public record ServiceNowPage(List<JsonNode> records, Map<String, String> nextPageQuery, Integer totalCount) {
}
