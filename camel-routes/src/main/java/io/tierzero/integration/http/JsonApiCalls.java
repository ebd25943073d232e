package io.tierzero.integration.http;

import io.tierzero.integration.Connection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * One call to a connected system's JSON REST API, shared by the Request Tracker, ServiceNow and Jira routes. The calling route
 * sets the exchange properties {@link #CONNECTION}, {@link #METHOD}, {@link #PATH} (below the connection's base
 * URL) and optionally {@link #QUERY} (unencoded parameters), {@link #IF_MATCH} (the version an update is based
 * on) and a body to send as JSON; it gets back the answer as a JSON string, with the answer's HTTP headers (Link,
 * X-Total-Count, ETag) on the message.
 *
 * <p>The headers of an earlier call are dropped (they would go out as HTTP headers), except Camel's redelivery
 * counters: Camel counts the tries in them. This route has no error handler of its own: a failure goes back to the calling route's {@code to(CALL)},
 * so a redelivery there (see {@link RateLimitBackoff}) repeats the whole call, not just the step that failed.
 */
@Component
@EnableConfigurationProperties(ExternalCallSettings.class)
public class JsonApiCalls extends RouteBuilder {

    public static final String CALL = "direct:json-api-call";
    public static final String CONNECTION = "connection";
    public static final String METHOD = "httpMethod";
    public static final String PATH = "httpPath";
    public static final String QUERY = "httpQuery";
    public static final String IF_MATCH = "httpIfMatch";
    /** Set to true when a 404 means "no such record" to the caller: the answer is then an empty body. */
    public static final String NOT_FOUND_IS_EMPTY = "httpNotFoundIsEmpty";

    /** For a GET after a step that left a body: a GET sends none. */
    public static final Processor NO_BODY = exchange -> exchange.getMessage().setBody(null);

    /** Our own instance of the HTTP component, so our timeouts do not change anyone else's HTTP calls. */
    static final String HTTP_COMPONENT = "tierzero-json-http";

    private final ExternalCallSettings settings;

    public JsonApiCalls(ExternalCallSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        HttpComponent http = new HttpComponent();
        http.setConnectTimeout(settings.connectTimeout().toMillis());
        http.setResponseTimeout(settings.responseTimeout().toMillis());
        http.setSoTimeout(settings.responseTimeout().toMillis());
        // HttpClient's own retries are off: it would sleep a 429's whole Retry-After (an hour, if the system says
        // so) on this thread, and repeat requests behind Camel's back; Camel's redelivery does the bounded waiting
        http.setAutomaticRetriesDisabled(true);
        getContext().addComponent(HTTP_COMPONENT, http);

        from(CALL).routeId("json-api-call")
                .errorHandler(noErrorHandler())
                .removeHeaders("*", "CamelRedelivery*")
                .process(JsonApiCalls::addressConnectedSystem)
                .choice().when(body().isNotNull())
                    .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                    .marshal().json()
                .end()
                .to(HTTP_COMPONENT + "://connected-system?throwExceptionOnFailure=false")
                .process(RateLimitBackoff.RETRY_AFTER_AS_REDELIVERY_DELAY)
                .choice().when(JsonApiCalls::isAbsenceAsked)
                    .setBody(constant(""))
                .otherwise()
                    .process(HttpOutcome.REQUIRE_SUCCESS)
                    .convertBodyTo(String.class)
                .end();
    }

    private static void addressConnectedSystem(Exchange exchange) {
        Connection connection = exchange.getProperty(CONNECTION, Connection.class);
        String method = exchange.getProperty(METHOD, String.class);
        String base = connection.baseUrl().toString().replaceAll("/+$", "");
        String url = base + exchange.getProperty(PATH, String.class);
        @SuppressWarnings("unchecked")
        Map<String, String> query = exchange.getProperty(QUERY, Map.class);
        var message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_METHOD, method);
        message.setHeader(Exchange.HTTP_URI, url);
        if (query != null && !query.isEmpty()) {
            message.setHeader(Exchange.HTTP_QUERY, encode(query));
        }
        message.setHeader("Accept", "application/json");
        String ifMatch = exchange.getProperty(IF_MATCH, String.class);
        if (ifMatch != null) {
            message.setHeader("If-Match", ifMatch);
        }
        message.setHeader("Authorization", BasicAuthorization.of(connection));
        exchange.setProperty(HttpCalls.CALL_DESCRIPTION, connection.id() + " " + method + " " + url);
    }

    private static boolean isAbsenceAsked(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return status != null && status == 404 && exchange.getProperty(NOT_FOUND_IS_EMPTY, false, Boolean.class);
    }

    static String encode(Map<String, String> query) {
        return query.entrySet().stream()
                .filter(parameter -> parameter.getValue() != null)
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
