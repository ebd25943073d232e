package io.tierzero.integration.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.integration.Connection;
import io.tierzero.integration.ConnectorType;
import io.tierzero.integration.ExternalComment;
import io.tierzero.integration.ExternalTicket;
import io.tierzero.integration.OutboundChange;
import io.tierzero.integration.TicketSystemConnector;
import io.tierzero.integration.WriteResult;
import io.tierzero.integration.http.HttpCalls;
import io.tierzero.integration.http.JsonApiCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** TierZero's tickets as ServiceNow incidents or requested items (the connection's scope names the table). */
@Component
public class ServiceNowConnector implements TicketSystemConnector {

    static final int PAGE_SIZE = 100;
    /** Where ServiceNow keeps each comment and work note of a record. */
    static final String JOURNAL = "sys_journal_field";

    private final ProducerTemplate producer;

    public ServiceNowConnector(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public ConnectorType type() {
        return ConnectorType.SERVICENOW;
    }

    @Override
    public WriteResult write(Connection connection, OutboundChange change) {
        Map<String, Object> arguments = arguments(connection);
        JsonNode record = switch (change.kind()) {
            case CREATE -> {
                String requester = findUserByEmail(connection, change.ticket().requesterEmail()).orElse(null);
                yield call(ServiceNowRoutes.CREATE_RECORD,
                        ServiceNowTranslation.recordToCreate(connection, change.ticket(), requester), arguments);
            }
            case UPDATE -> {
                arguments.put(ServiceNowRoutes.SYS_ID, change.externalId());
                arguments.put(ServiceNowRoutes.EXPECTED_MOD_COUNT, change.expectedVersion());
                yield call(ServiceNowRoutes.UPDATE_RECORD,
                        ServiceNowTranslation.changes(connection, change.ticket(), change.fields()), arguments);
            }
            case COMMENT -> {
                arguments.put(ServiceNowRoutes.SYS_ID, change.externalId());
                yield call(ServiceNowRoutes.UPDATE_RECORD,
                        ServiceNowTranslation.journalEntry(change.comment(), change.publicReply()), arguments);
            }
        };
        String commentId = change.kind() == OutboundChange.Kind.COMMENT
                ? ownNewestEntry(connection, change.externalId(), change.publicReply()) : null;
        return new WriteResult(ServiceNowTranslation.text(record, "sys_id"), ServiceNowTranslation.text(record, "sys_mod_count"), commentId);
    }

    /**
     * The id of the journal entry a comment just became. The PATCH does not answer it, so it is the integration
     * user's newest entry in that journal field; the sync needs it to know the entry as its own when it reads it.
     */
    private String ownNewestEntry(Connection connection, String sysId, boolean publicReply) {
        Map<String, String> query = new HashMap<>();
        query.put("sysparm_query", ServiceNowTranslation.ownNewestEntryQuery(sysId, publicReply, connection.username()));
        query.put("sysparm_fields", ServiceNowTranslation.JOURNAL_FIELDS);
        query.put("sysparm_limit", "1");
        return journalPage(connection, query).records().stream().findFirst()
                .map(entry -> ServiceNowTranslation.text(entry, "sys_id")).orElse(null);
    }

    /** The public comments and work notes of these records, by record sys_id, oldest first. */
    public Map<String, List<ExternalComment>> journalOf(Connection connection, Collection<String> sysIds) {
        Map<String, List<ExternalComment>> journal = new HashMap<>();
        if (sysIds.isEmpty()) {
            return journal;
        }
        Map<String, String> query = new HashMap<>();
        query.put("sysparm_query", ServiceNowTranslation.journalQuery(sysIds));
        query.put("sysparm_fields", ServiceNowTranslation.JOURNAL_FIELDS);
        query.put("sysparm_limit", String.valueOf(PAGE_SIZE));
        query.put("sysparm_offset", "0");
        while (!query.isEmpty()) {
            ServiceNowPage page = journalPage(connection, query);
            page.records().forEach(entry -> journal.computeIfAbsent(ServiceNowTranslation.text(entry, "element_id"),
                    record -> new ArrayList<>()).add(ServiceNowTranslation.toComment(entry)));
            query = page.nextPageQuery();
        }
        return journal;
    }

    private ServiceNowPage journalPage(Connection connection, Map<String, String> query) {
        Map<String, Object> arguments = arguments(connection);
        arguments.put(ServiceNowRoutes.TABLE, JOURNAL);
        arguments.put(ServiceNowRoutes.QUERY, query);
        return HttpCalls.call(producer, ServiceNowRoutes.FIND_RECORDS, null, arguments, ServiceNowPage.class);
    }

    private List<ExternalTicket> withJournal(Connection connection, List<JsonNode> records) {
        Map<String, List<ExternalComment>> journal = journalOf(connection,
                records.stream().map(record -> ServiceNowTranslation.text(record, "sys_id")).toList());
        return records.stream().map(record -> ServiceNowTranslation.toExternalTicket(connection, record,
                journal.getOrDefault(ServiceNowTranslation.text(record, "sys_id"), List.of()))).toList();
    }

    @Override
    public List<ExternalTicket> changedSince(Connection connection, Instant since) {
        List<ExternalTicket> changed = new ArrayList<>();
        Map<String, String> query = ticketQuery(connection, ServiceNowTranslation.updatedSinceQuery(since));
        query.put("sysparm_limit", String.valueOf(PAGE_SIZE));
        query.put("sysparm_offset", "0");
        while (!query.isEmpty()) {
            ServiceNowPage page = findRecords(connection, query);
            changed.addAll(withJournal(connection, page.records()));
            query = page.nextPageQuery();
        }
        return changed;
    }

    @Override
    public Optional<ExternalTicket> fetch(Connection connection, String externalId) {
        return findOne(connection, ServiceNowTranslation.recordQuery(externalId));
    }

    @Override
    public Optional<ExternalTicket> findCreatedFor(Connection connection, String referenceNumber) {
        return findOne(connection, ServiceNowTranslation.createdForQuery(referenceNumber));
    }

    /** The sys_id of the active ServiceNow user with this e-mail address, to set as the caller. */
    public Optional<String> findUserByEmail(Connection connection, String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        Map<String, Object> arguments = arguments(connection);
        arguments.put(ServiceNowRoutes.TABLE, "sys_user");
        arguments.put(ServiceNowRoutes.QUERY, Map.of(
                "sysparm_query", ServiceNowTranslation.userByEmailQuery(email) + "^active=true",
                "sysparm_fields", "sys_id,name,email",
                "sysparm_limit", "1"));
        ServiceNowPage users = HttpCalls.call(producer, ServiceNowRoutes.FIND_RECORDS, null, arguments, ServiceNowPage.class);
        return users.records().stream().findFirst().map(user -> ServiceNowTranslation.text(user, "sys_id"));
    }

    private Optional<ExternalTicket> findOne(Connection connection, String encodedQuery) {
        Map<String, String> query = ticketQuery(connection, encodedQuery);
        query.put("sysparm_limit", "1");
        return withJournal(connection, findRecords(connection, query).records()).stream().findFirst();
    }

    private ServiceNowPage findRecords(Connection connection, Map<String, String> query) {
        Map<String, Object> arguments = arguments(connection);
        arguments.put(ServiceNowRoutes.QUERY, query);
        return HttpCalls.call(producer, ServiceNowRoutes.FIND_RECORDS, null, arguments, ServiceNowPage.class);
    }

    private static Map<String, String> ticketQuery(Connection connection, String encodedQuery) {
        Map<String, String> query = new HashMap<>();
        query.put("sysparm_query", encodedQuery);
        query.put("sysparm_fields", ServiceNowTranslation.fieldsToRead(ServiceNowTranslation.table(connection)));
        query.put("sysparm_exclude_reference_link", "true");
        return query;
    }

    private JsonNode call(String route, Object body, Map<String, Object> arguments) {
        return HttpCalls.call(producer, route, body, arguments, JsonNode.class);
    }

    private static Map<String, Object> arguments(Connection connection) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put(JsonApiCalls.CONNECTION, connection);
        arguments.put(ServiceNowRoutes.TABLE, ServiceNowTranslation.table(connection));
        return arguments;
    }
}
