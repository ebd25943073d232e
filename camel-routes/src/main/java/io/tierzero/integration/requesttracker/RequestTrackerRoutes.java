package io.tierzero.integration.requesttracker;

import static io.tierzero.integration.http.JsonApiCalls.CALL;
import static io.tierzero.integration.http.JsonApiCalls.IF_MATCH;
import static io.tierzero.integration.http.JsonApiCalls.METHOD;
import static io.tierzero.integration.http.JsonApiCalls.NOT_FOUND_IS_EMPTY;
import static io.tierzero.integration.http.JsonApiCalls.NO_BODY;
import static io.tierzero.integration.http.JsonApiCalls.PATH;
import static io.tierzero.integration.http.JsonApiCalls.QUERY;

import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Request Tracker 5 over REST2 ({@code /REST/2.0}), through the shared {@link io.tierzero.integration.http.JsonApiCalls}.
 * Every route takes the connection and its arguments as exchange properties ({@code connection}, {@code ticketId},
 * {@code expectedVersion}, {@code ticketSql}, {@code page}, {@code assetId}) and answers with a canonical record
 * from {@link RequestTrackerTranslation}.
 */
@Component
public class RequestTrackerRoutes extends RouteBuilder {

    static final String CREATE_TICKET = "direct:rt-create-ticket";
    static final String UPDATE_TICKET = "direct:rt-update-ticket";
    static final String REPLY = "direct:rt-reply";
    static final String COMMENT = "direct:rt-comment";
    static final String FETCH_TICKET = "direct:rt-fetch-ticket";
    static final String SEARCH_TICKETS = "direct:rt-search-tickets";
    static final String ASSETS = "direct:rt-assets";
    static final String CREATE_ASSET = "direct:rt-create-asset";
    static final String UPDATE_ASSET = "direct:rt-update-asset";

    private final RequestTrackerTranslation translation;

    public RequestTrackerRoutes(RequestTrackerTranslation translation) {
        this.translation = translation;
    }

    @Override
    public void configure() {
        // failures go back to the caller as ConnectorExceptions: the sync decides about retries and dead letters
        errorHandler(noErrorHandler());

        from(CREATE_TICKET).routeId("rt-create-ticket")
                .setBody(method(translation, "newTicket(${exchangeProperty.connection}, ${body})"))
                .setProperty(METHOD, constant("POST"))
                .setProperty(PATH, constant("/REST/2.0/ticket"))
                .to(CALL)
                .setBody(method(translation, "createdId"));

        from(UPDATE_TICKET).routeId("rt-update-ticket")
                .setBody(method(translation, "ticketUpdate(${exchangeProperty.connection}, ${body})"))
                .setProperty(METHOD, constant("PUT"))
                .setProperty(PATH, simple("/REST/2.0/ticket/${exchangeProperty.ticketId}"))
                .setProperty(IF_MATCH, simple("\"${exchangeProperty.expectedVersion}\""))
                .to(CALL);

        from(REPLY).routeId("rt-reply-to-requester")
                .setBody(method(translation, "comment"))
                .setProperty(METHOD, constant("POST"))
                .setProperty(PATH, simple("/REST/2.0/ticket/${exchangeProperty.ticketId}/correspond"))
                .to(CALL);

        from(COMMENT).routeId("rt-internal-comment")
                .setBody(method(translation, "comment"))
                .setProperty(METHOD, constant("POST"))
                .setProperty(PATH, simple("/REST/2.0/ticket/${exchangeProperty.ticketId}/comment"))
                .to(CALL);

        from(FETCH_TICKET).routeId("rt-fetch-ticket")
                .process(NO_BODY)
                .setProperty(METHOD, constant("GET"))
                .setProperty(PATH, simple("/REST/2.0/ticket/${exchangeProperty.ticketId}"))
                .setProperty(NOT_FOUND_IS_EMPTY, constant(true))
                .to(CALL)
                .filter(body().isEqualTo(""))
                    .setBody(constant(null))
                    .stop()
                .end()
                .setProperty("ticket", body())
                .setProperty("etag", header("ETag"))
                .process(NO_BODY)
                .setProperty(PATH, simple("/REST/2.0/ticket/${exchangeProperty.ticketId}/history"))
                .setProperty(QUERY, constant(Map.of("per_page", "100", "fields", "Type")))
                .to(CALL)
                .setProperty("history", body())
                .process(NO_BODY)
                .setProperty(PATH, simple("/REST/2.0/ticket/${exchangeProperty.ticketId}/attachments"))
                .setProperty(QUERY, constant(Map.of("per_page", "100",
                        "fields", "Content,ContentType,TransactionId,Created,Creator")))
                .to(CALL)
                .setBody(method(translation, "externalTicket(${exchangeProperty.connection}, "
                        + "${exchangeProperty.ticket}, ${exchangeProperty.etag}, ${exchangeProperty.history}, ${body})"));

        from(SEARCH_TICKETS).routeId("rt-search-tickets")
                .process(NO_BODY)
                .setProperty(METHOD, constant("GET"))
                .setProperty(PATH, constant("/REST/2.0/tickets"))
                .setProperty(QUERY, method(translation, "searchQuery(${exchangeProperty.ticketSql}, ${exchangeProperty.page})"))
                .to(CALL)
                .setBody(method(translation, "searchPage"));

        from(ASSETS).routeId("rt-assets-of-catalog")
                .process(NO_BODY)
                .setProperty(METHOD, constant("GET"))
                .setProperty(PATH, method(translation, "catalogPath(${exchangeProperty.connection})"))
                .to(CALL)
                .setBody(method(translation, "assetSearch"))
                .setProperty(METHOD, constant("POST"))
                .setProperty(PATH, constant("/REST/2.0/assets"))
                .setProperty(QUERY, method(translation, "assetPageQuery(${exchangeProperty.page})"))
                .to(CALL)
                .setBody(method(translation, "assetPage(${exchangeProperty.connection}, ${body})"));

        from(CREATE_ASSET).routeId("rt-create-asset")
                .setBody(method(translation, "asset(${exchangeProperty.connection}, ${body})"))
                .setProperty(METHOD, constant("POST"))
                .setProperty(PATH, constant("/REST/2.0/asset"))
                .to(CALL)
                .setBody(method(translation, "createdId"));

        from(UPDATE_ASSET).routeId("rt-update-asset")
                .setBody(method(translation, "asset(${exchangeProperty.connection}, ${body})"))
                .setProperty(METHOD, constant("PUT"))
                .setProperty(PATH, simple("/REST/2.0/asset/${exchangeProperty.assetId}"))
                .to(CALL);
    }
}
