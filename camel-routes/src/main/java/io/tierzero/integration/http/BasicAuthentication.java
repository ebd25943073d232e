package io.tierzero.integration.http;

import io.tierzero.integration.Connection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Authorization header for a connection that signs in with a user name and a secret (ServiceNow user and
 * password, Jira Cloud e-mail and API token). Set on each call, never written into an endpoint URI: URIs end up
 * in logs and endpoint caches.
 */
public final class BasicAuthentication {

    private BasicAuthentication() {
    }

    public static String headerFor(Connection connection) {
        String credentials = connection.username() + ":" + connection.secret();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
