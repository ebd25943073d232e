package io.tierzero.integration.http;

import io.tierzero.integration.Connection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The HTTP Basic header for a connection's user and secret (RT, ServiceNow, Jira Cloud's e-mail + API token). */
public final class BasicAuthorization {

    private BasicAuthorization() {
    }

    public static String of(Connection connection) {
        String credentials = connection.username() + ":" + connection.secret();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
