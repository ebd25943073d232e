package io.tierzero.integration.http;

import io.tierzero.integration.Connection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The secret a connected system proves when it pushes to TierZero: {@code tierzero.connections.<tenant>.<name>
 * .inbound-secret} (ServiceNow's bearer token or Basic password, Jira's webhook signing secret). Read beside the
 * connection's settings rather than in them, so the secret never travels with the {@link Connection}.
 */
@Component
public class InboundSecrets {

    private final Binder binder;

    public InboundSecrets(Environment environment) {
        this.binder = Binder.get(environment);
    }

    public Optional<String> of(Connection connection) {
        String key = "tierzero.connections[" + connection.tenantId() + "][" + connection.name() + "].inbound-secret";
        return Optional.ofNullable(binder.bind(key, String.class).orElse(null)).filter(secret -> !secret.isBlank());
    }

    /** Compares in time independent of where the two differ, so the secret cannot be guessed byte by byte. */
    public static boolean sameSecret(String expected, String given) {
        return given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
