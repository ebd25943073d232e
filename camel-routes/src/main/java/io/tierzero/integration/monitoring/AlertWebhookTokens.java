package io.tierzero.integration.monitoring;

import io.tierzero.integration.AlertIntake;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.stereotype.Component;

/** Lets a webhook delivery in only for a known tenant and with that tenant's bearer token. */
@Component
public class AlertWebhookTokens {

    private static final String BEARER = "Bearer ";

    private final MonitoringWebhookProperties properties;
    private final AlertIntake intake;

    public AlertWebhookTokens(MonitoringWebhookProperties properties, AlertIntake intake) {
        this.properties = properties;
        this.intake = intake;
    }

    public void check(String tenantId, String authorization) {
        if (tenantId == null || !intake.knowsTenant(tenantId)) {
            throw new AlertWebhookProblem(404, "Not found", "There is no tenant '" + tenantId + "'.");
        }
        String expected = properties.tokens().get(tenantId);
        if (expected == null || expected.isBlank()) {
            throw unauthorized("Tenant '" + tenantId + "' accepts no monitoring alerts: its token "
                    + "tierzero.monitoring.tokens." + tenantId + " is not set.");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthorized("Send the tenant's monitoring token as 'Authorization: Bearer <token>'.");
        }
        if (!sameSecret(authorization.substring(BEARER.length()).strip(), expected)) {
            throw unauthorized("The bearer token is not the tenant's monitoring token.");
        }
    }

    /** Compares digests, so neither the content nor the length of the token shows in the time taken. */
    private static boolean sameSecret(String presented, String expected) {
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static AlertWebhookProblem unauthorized(String detail) {
        return new AlertWebhookProblem(401, "Unauthorized", detail);
    }
}
