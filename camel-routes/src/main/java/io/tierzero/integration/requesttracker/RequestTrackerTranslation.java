package io.tierzero.integration.requesttracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierzero.integration.ConfigurationItemRecord;
import io.tierzero.integration.Connection;
import io.tierzero.integration.ExternalComment;
import io.tierzero.integration.ExternalTicket;
import io.tierzero.integration.OutboundChange;
import io.tierzero.integration.TicketField;
import io.tierzero.integration.TicketSnapshot;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Request Tracker 5's REST2 JSON to and from TierZero's canonical tickets. A ticket TierZero creates in RT
 * refers to {@code tierzero:<tenant>/<reference>} (an RT link to an external URI), which is how it is found
 * again when the answer to the create was lost.
 */
@Component
public class RequestTrackerTranslation {

    /** RT's default lifecycle to TierZero states, used where the connection maps nothing. */
    static final Map<String, String> DEFAULT_INBOUND_STATES = Map.of(
            "new", "new", "open", "in_progress", "stalled", "pending_customer", "resolved", "resolved",
            "rejected", "closed");
    static final Map<String, String> DEFAULT_OUTBOUND_STATES = Map.of(
            "new", "new", "assigned", "open", "in_progress", "open", "pending_customer", "stalled",
            "resolved", "resolved", "closed", "resolved");
    private static final Set<String> CONVERSATION = Set.of("Create", "Correspond", "Comment");
    private static final DateTimeFormatter TICKET_SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper json;

    public RequestTrackerTranslation(ObjectMapper json) {
        this.json = json;
    }

    public static URI referenceUri(String tenantId, String referenceNumber) {
        return URI.create("tierzero:" + tenantId + "/" + referenceNumber);
    }

    public ObjectNode newTicket(Connection connection, OutboundChange change) {
        TicketSnapshot ticket = change.ticket();
        ObjectNode body = json.createObjectNode()
                .put("Queue", connection.scope())
                .put("Subject", ticket.subject())
                .put("Content", ticket.description())
                .put("ContentType", "text/plain")
                .put("RefersTo", referenceUri(ticket.tenantId(), ticket.referenceNumber()).toString());
        if (ticket.requesterEmail() != null) {
            body.put("Requestor", ticket.requesterEmail());
        }
        String status = outboundState(connection, ticket.state());
        if (status != null) {
            body.put("Status", status);
        }
        if (!ticket.configurationItems().isEmpty()) {
            var refersTo = body.putArray("RefersTo").add(referenceUri(ticket.tenantId(), ticket.referenceNumber()).toString());
            ticket.configurationItems().forEach(assetId -> refersTo.add("asset:" + assetId));
        }
        Integer priority = rtPriority(ticket.priority());
        if (priority != null) {
            body.put("Priority", priority);
        }
        return body;
    }

    /** RT keeps the description as the first message of the ticket: an update changes subject, status and priority. */
    public ObjectNode ticketUpdate(Connection connection, OutboundChange change) {
        ObjectNode body = json.createObjectNode();
        Set<TicketField> fields = change.fields();
        TicketSnapshot ticket = change.ticket();
        if (fields.contains(TicketField.SUBJECT)) {
            body.put("Subject", ticket.subject());
        }
        if (fields.contains(TicketField.STATE) && outboundState(connection, ticket.state()) != null) {
            body.put("Status", outboundState(connection, ticket.state()));
        }
        if (fields.contains(TicketField.PRIORITY) && rtPriority(ticket.priority()) != null) {
            body.put("Priority", rtPriority(ticket.priority()));
        }
        return body;
    }

    public ObjectNode comment(OutboundChange change) {
        return json.createObjectNode().put("Content", change.comment()).put("ContentType", "text/plain");
    }

    /** The id RT gave a created ticket or asset. */
    public String createdId(String answer) throws IOException {
        return json.readTree(answer).path("id").asText();
    }

    public Map<String, String> searchQuery(String ticketSql, int page) {
        return Map.of("query", ticketSql, "orderby", "LastUpdated", "order", "ASC", "per_page", "100", "fields", "id",
                "page", Integer.toString(page));
    }

    public String ticketQuery(Connection connection, Instant since) {
        return "Queue = '" + connection.scope().replace("'", "\\'") + "' AND LastUpdated >= '"
                + TICKET_SQL_TIME.format(since) + "'";
    }

    public String referenceQuery(Connection connection, String referenceNumber) {
        return "RefersTo = '" + referenceUri(connection.tenantId(), referenceNumber) + "'";
    }

    public SearchPage searchPage(String answer) throws IOException {
        JsonNode page = json.readTree(answer);
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return new SearchPage(ids, page.path("page").asInt(1), page.path("pages").asInt(1));
    }

    public record SearchPage(List<String> ticketIds, int page, int pages) {
        public boolean hasNext() {
            return page < pages;
        }
    }

    /**
     * The ticket (GET /ticket/:id, with its ETag), its transactions (only their types are read) and its
     * attachments (the text of each message): the first message is the description, later replies and comments
     * are the conversation.
     */
    public ExternalTicket externalTicket(Connection connection, String ticketAnswer, String etag, String historyAnswer,
                                         String attachmentsAnswer) throws IOException {
        JsonNode ticket = json.readTree(ticketAnswer);
        Map<String, String> transactionTypes = new HashMap<>();
        json.readTree(historyAnswer).path("items").forEach(transaction ->
                transactionTypes.put(transaction.path("id").asText(), transaction.path("Type").asText()));
        String description = null;
        List<ExternalComment> comments = new ArrayList<>();
        for (JsonNode attachment : json.readTree(attachmentsAnswer).path("items")) {
            String type = transactionTypes.get(attachment.path("TransactionId").asText());
            if (type == null || !CONVERSATION.contains(type)
                    || !attachment.path("ContentType").asText().startsWith("text/plain")) {
                continue;
            }
            String content = attachment.path("Content").asText();
            if (type.equals("Create")) {
                description = description == null ? content : description;
            } else {
                comments.add(new ExternalComment(attachment.path("TransactionId").asText(),
                        attachment.path("Creator").path("id").asText(), content, type.equals("Correspond"),
                        Instant.parse(attachment.path("Created").asText())));
            }
        }
        String status = ticket.path("Status").asText();
        String requester = ticket.path("Requestor").isArray() && !ticket.path("Requestor").isEmpty()
                ? ticket.path("Requestor").get(0).path("id").asText() : null;
        return new ExternalTicket(ticket.path("id").asText(), stripQuotes(etag),
                Instant.parse(ticket.path("LastUpdated").asText()), ticket.path("Subject").asText(), description,
                inboundState(connection, status), status, tierZeroPriority(ticket.path("Priority").asInt(0)), null,
                requester, null, requester, tierZeroReference(connection, ticket), comments, assetIds(ticket));
    }

    /** TierZero's CI attributes kept in RT asset custom fields of these names (the catalog's administrator adds them). */
    static final Map<String, String> ASSET_CUSTOM_FIELDS = Map.of("kind", "Kind", "model", "Model", "os", "OS", "site", "Site");

    public String catalogPath(Connection connection) {
        return "/REST/2.0/catalog/" + URLEncoder.encode(connection.cmdbScope(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** RT searches assets by the catalog's id: the catalog read by name answers it. */
    public ArrayNode assetSearch(String catalogAnswer) throws IOException {
        return json.createArrayNode().add(json.createObjectNode().put("field", "Catalog")
                .put("value", json.readTree(catalogAnswer).path("id").asText()));
    }

    public Map<String, String> assetPageQuery(int page) {
        return Map.of("per_page", "100", "fields", "Name,Description,Status,LastUpdated,CustomFields", "page",
                Integer.toString(page));
    }

    public AssetPage assetPage(Connection connection, String answer) throws IOException {
        JsonNode page = json.readTree(answer);
        List<ConfigurationItemRecord> items = new ArrayList<>();
        for (JsonNode asset : page.path("items")) {
            Map<String, String> attributes = new HashMap<>();
            attributes.put("description", asset.path("Description").asText(""));
            attributes.put("status", asset.path("Status").asText(""));
            for (JsonNode field : asset.path("CustomFields")) {
                ASSET_CUSTOM_FIELDS.forEach((attribute, fieldName) -> {
                    if (fieldName.equals(field.path("name").asText()) && !field.path("values").isEmpty()) {
                        attributes.put(attribute, field.path("values").get(0).asText());
                    }
                });
            }
            items.add(new ConfigurationItemRecord(asset.path("id").asText(), connection.cmdbScope(),
                    asset.path("Name").asText(), attributes));
        }
        return new AssetPage(items, page.path("page").asInt(1), page.path("pages").asInt(1));
    }

    public record AssetPage(List<ConfigurationItemRecord> items, int page, int pages) {
        public boolean hasNext() {
            return page < pages;
        }
    }

    public ObjectNode asset(Connection connection, ConfigurationItemRecord item) {
        ObjectNode body = json.createObjectNode().put("Name", item.name()).put("Catalog", connection.cmdbScope());
        item.attributes().forEach((attribute, value) -> {
            if (attribute.equals("description")) {
                body.put("Description", value);
            }
        });
        ObjectNode customFields = body.putObject("CustomFields");
        ASSET_CUSTOM_FIELDS.forEach((attribute, fieldName) -> {
            if (item.attributes().containsKey(attribute)) {
                customFields.put(fieldName, item.attributes().get(attribute));
            }
        });
        return body;
    }

    private static String tierZeroReference(Connection connection, JsonNode ticket) {
        String prefix = "tierzero:" + connection.tenantId() + "/";
        for (JsonNode link : ticket.path("_hyperlinks")) {
            String target = link.path("_url").asText();
            if ("refers-to".equals(link.path("ref").asText()) && target.startsWith(prefix)) {
                return target.substring(prefix.length());
            }
        }
        return null;
    }

    private static List<String> assetIds(JsonNode ticket) {
        List<String> assets = new ArrayList<>();
        for (JsonNode link : ticket.path("_hyperlinks")) {
            if ("asset".equals(link.path("type").asText())) {
                assets.add(link.path("id").asText());
            }
        }
        return assets;
    }

    static String inboundState(Connection connection, String rtStatus) {
        String mapped = connection.inboundState(rtStatus);
        return mapped != null ? mapped : DEFAULT_INBOUND_STATES.get(rtStatus);
    }

    static String outboundState(Connection connection, String tierZeroState) {
        String mapped = connection.outboundState(tierZeroState);
        return mapped != null ? mapped : DEFAULT_OUTBOUND_STATES.get(tierZeroState);
    }

    /** TierZero's P1..P5 on RT's 0-99 scale; RT's 0 means no priority was set. */
    static Integer rtPriority(String priority) {
        if (priority == null || !priority.matches("P[1-5]")) {
            return null;
        }
        return 110 - 20 * Integer.parseInt(priority.substring(1));
    }

    static String tierZeroPriority(int rtPriority) {
        if (rtPriority <= 0) {
            return null;
        }
        return "P" + Math.max(1, Math.min(5, (110 - rtPriority + 10) / 20));
    }

    private static String stripQuotes(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }
}
