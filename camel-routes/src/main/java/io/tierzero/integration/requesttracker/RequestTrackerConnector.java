package io.tierzero.integration.requesttracker;

import static io.tierzero.integration.http.HttpCalls.call;

import io.tierzero.integration.ConfigurationItemConnector;
import io.tierzero.integration.ConfigurationItemRecord;
import io.tierzero.integration.Connection;
import io.tierzero.integration.ConnectorType;
import io.tierzero.integration.ExternalTicket;
import io.tierzero.integration.OutboundChange;
import io.tierzero.integration.RequestRejectedException;
import io.tierzero.integration.TicketSystemConnector;
import io.tierzero.integration.WriteResult;
import io.tierzero.integration.requesttracker.RequestTrackerTranslation.AssetPage;
import io.tierzero.integration.requesttracker.RequestTrackerTranslation.SearchPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** TierZero's sync speaking to Request Tracker 5 through {@link RequestTrackerRoutes}: tickets, and assets as CIs. */
@Component
public class RequestTrackerConnector implements TicketSystemConnector, ConfigurationItemConnector {

    private final ProducerTemplate routes;
    private final RequestTrackerTranslation translation;

    public RequestTrackerConnector(ProducerTemplate routes, RequestTrackerTranslation translation) {
        this.routes = routes;
        this.translation = translation;
    }

    @Override
    public ConnectorType type() {
        return ConnectorType.REQUEST_TRACKER;
    }

    @Override
    public WriteResult write(Connection connection, OutboundChange change) {
        String ticketId = switch (change.kind()) {
            case CREATE -> call(routes, RequestTrackerRoutes.CREATE_TICKET, change, Map.of("connection", connection), String.class);
            case UPDATE -> {
                call(routes, RequestTrackerRoutes.UPDATE_TICKET, change, Map.of("connection", connection,
                        "ticketId", change.externalId(), "expectedVersion", change.expectedVersion()), String.class);
                yield change.externalId();
            }
            case COMMENT -> {
                call(routes, change.publicReply() ? RequestTrackerRoutes.REPLY : RequestTrackerRoutes.COMMENT, change,
                        Map.of("connection", connection, "ticketId", change.externalId()), String.class);
                yield change.externalId();
            }
        };
        ExternalTicket written = fetch(connection, ticketId)
                .orElseThrow(() -> new RequestRejectedException("RT ticket " + ticketId + " is gone right after the write"));
        String commentId = change.kind() == OutboundChange.Kind.COMMENT && !written.comments().isEmpty()
                ? written.comments().getLast().externalId() : null;
        return new WriteResult(ticketId, written.version(), commentId);
    }

    @Override
    public String externalState(Connection connection, String tierZeroState) {
        return RequestTrackerTranslation.outboundState(connection, tierZeroState);
    }

    @Override
    public List<ExternalTicket> changedSince(Connection connection, Instant since) {
        return search(connection, translation.ticketQuery(connection, since));
    }

    @Override
    public Optional<ExternalTicket> fetch(Connection connection, String externalId) {
        ExternalTicket ticket = call(routes, RequestTrackerRoutes.FETCH_TICKET, null,
                Map.of("connection", connection, "ticketId", externalId), ExternalTicket.class);
        return ticket == null || "deleted".equals(ticket.externalState()) ? Optional.empty() : Optional.of(ticket);
    }

    @Override
    public Optional<ExternalTicket> findCreatedFor(Connection connection, String referenceNumber) {
        return search(connection, translation.referenceQuery(connection, referenceNumber)).stream().findFirst();
    }

    @Override
    public List<ConfigurationItemRecord> configurationItems(Connection connection) {
        List<ConfigurationItemRecord> items = new ArrayList<>();
        AssetPage page;
        int next = 1;
        do {
            page = call(routes, RequestTrackerRoutes.ASSETS, null, Map.of("connection", connection, "page", next++),
                    AssetPage.class);
            items.addAll(page.items());
        } while (page.hasNext());
        return items;
    }

    @Override
    public String create(Connection connection, ConfigurationItemRecord item) {
        return call(routes, RequestTrackerRoutes.CREATE_ASSET, item, Map.of("connection", connection), String.class);
    }

    @Override
    public void update(Connection connection, String externalId, ConfigurationItemRecord item) {
        call(routes, RequestTrackerRoutes.UPDATE_ASSET, item, Map.of("connection", connection, "assetId", externalId), String.class);
    }

    private List<ExternalTicket> search(Connection connection, String ticketSql) {
        List<ExternalTicket> found = new ArrayList<>();
        SearchPage page;
        int next = 1;
        do {
            page = call(routes, RequestTrackerRoutes.SEARCH_TICKETS, null,
                    Map.of("connection", connection, "ticketSql", ticketSql, "page", next++), SearchPage.class);
            for (String ticketId : page.ticketIds()) {
                fetch(connection, ticketId).ifPresent(found::add);
            }
        } while (page.hasNext());
        return found;
    }
}
