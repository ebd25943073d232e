package io.tierzero.integration.requesttracker;

import static io.tierzero.integration.http.HttpCalls.CALL_DESCRIPTION;

import io.tierzero.integration.http.BasicAuthorization;
import io.tierzero.integration.http.HttpOutcome;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Request Tracker 5 over REST2. Every route takes the connection and its arguments as exchange properties
 * ({@code connection}, {@code ticketId}, {@code ticketSql}, {@code page}) and answers with RT's JSON or a
 * canonical record from {@link RequestTrackerTranslation}.
 */
@Component
public class RequestTrackerRoutes extends RouteBuilder {

    static final String CREATE_TICKET = "direct:rt-create-ticket";
    static final String UPDATE_TICKET = "direct:rt-update-ticket";
    static final String REPLY = "direct:rt-reply";
    static final String COMMENT = "direct:rt-comment";
    static final String FETCH_TICKET = "direct:rt-fetch-ticket";
    static final String SEARCH_TICKETS = "direct:rt-search-tickets";
    private static final String CALL_RT = "direct:rt-call";

    private final RequestTrackerTranslation translation;

    public RequestTrackerRoutes(RequestTrackerTranslation translation) {
        this.translation = translation;
    }

    @Override
    public void configure() {
        // failures go back to the caller as ConnectorExceptions: the sync decides about retries and dead letters
        errorHandler(noErrorHandler());

        from(CREATE_TICKET).routeId("rt-create-ticket")
                .setProperty(CALL_DESCRIPTION, constant("RT create ticket"))
                .setBody(method(translation, "newTicket(${exchangeProperty.connection}, ${body})"))
                .setProperty("method", constant("POST"))
                .setProperty("path", constant("/ticket"))
                .to(CALL_RT)
                .setBody(method(translation, "createdTicketId"));

        from(UPDATE_TICKET).routeId("rt-update-ticket")
                .setProperty(CALL_DESCRIPTION, simple("RT update ticket ${exchangeProperty.ticketId}"))
                .setBody(method(translation, "ticketUpdate(${exchangeProperty.connection}, ${body})"))
                .setProperty("method", constant("PUT"))
                .setProperty("path", simple("/ticket/${exchangeProperty.ticketId}"))
                .setProperty("ifMatch", simple("\"${exchangeProperty.expectedVersion}\""))
                .to(CALL_RT);

        from(REPLY).routeId("rt-reply-to-requester")
                .setProperty(CALL_DESCRIPTION, simple("RT reply on ticket ${exchangeProperty.ticketId}"))
                .setBody(method(translation, "comment"))
                .setProperty("method", constant("POST"))
                .setProperty("path", simple("/ticket/${exchangeProperty.ticketId}/correspond"))
                .to(CALL_RT);

        from(COMMENT).routeId("rt-internal-comment")
                .setProperty(CALL_DESCRIPTION, simple("RT comment on ticket ${exchangeProperty.ticketId}"))
                .setBody(method(translation, "comment"))
                .setProperty("method", constant("POST"))
                .setProperty("path", simple("/ticket/${exchangeProperty.ticketId}/comment"))
                .to(CALL_RT);

        from(FETCH_TICKET).routeId("rt-fetch-ticket")
                .setProperty(CALL_DESCRIPTION, simple("RT read ticket ${exchangeProperty.ticketId}"))
                .setProperty("method", constant("GET"))
                .setBody(constant(null))
                .setProperty("path", simple("/ticket/${exchangeProperty.ticketId}"))
                .to(CALL_RT)
                .setProperty("ticket", body())
                .setProperty("etag", header("ETag"))
                .setProperty("path", simple("/ticket/${exchangeProperty.ticketId}/history"))
                .setProperty("query", constant("per_page=100&fields=Type"))
                .to(CALL_RT)
                .setProperty("history", body())
                .setProperty("path", simple("/ticket/${exchangeProperty.ticketId}/attachments"))
                .setProperty("query", constant("per_page=100&fields=Content,ContentType,TransactionId,Created,Creator"))
                .to(CALL_RT)
                .setBody(method(translation, "externalTicket(${exchangeProperty.connection}, "
                        + "${exchangeProperty.ticket}, ${exchangeProperty.etag}, ${exchangeProperty.history}, ${body})"));

        from(SEARCH_TICKETS).routeId("rt-search-tickets")
                .setProperty(CALL_DESCRIPTION, constant("RT search tickets"))
                .setProperty("method", constant("GET"))
                .setBody(constant(null))
                .setProperty("path", constant("/tickets"))
                .setProperty("query", method(RequestTrackerRoutes.class, "searchQuery(${exchangeProperty.ticketSql}, ${exchangeProperty.page})"))
                .to(CALL_RT)
                .setBody(method(translation, "searchPage"));

        from(CALL_RT).routeId("rt-call-rest2")
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_METHOD, exchangeProperty("method"))
                .setHeader(Exchange.HTTP_PATH, exchangeProperty("path"))
                .setHeader(Exchange.HTTP_QUERY, exchangeProperty("query"))
                .setHeader("Authorization", method(BasicAuthorization.class, "of(${exchangeProperty.connection})"))
                .setHeader("Accept", constant("application/json"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setHeader("If-Match", exchangeProperty("ifMatch"))
                .toD("${exchangeProperty.connection.baseUrl}/REST/2.0?throwExceptionOnFailure=false"
                        + "&connectTimeout=5000&responseTimeout=20000")
                .removeProperties("query|ifMatch")
                .process(HttpOutcome.REQUIRE_SUCCESS)
                .convertBodyTo(String.class);
    }

    public static String searchQuery(String ticketSql, int page) {
        return "query=" + URLEncoder.encode(ticketSql, StandardCharsets.UTF_8)
                + "&orderby=LastUpdated&order=ASC&per_page=100&fields=id&page=" + page;
    }
}
