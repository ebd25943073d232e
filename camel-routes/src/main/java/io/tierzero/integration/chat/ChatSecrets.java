package io.tierzero.integration.chat;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Each tenant's chat secrets, from the settings tierzero.chat.&lt;tenant&gt;.slack-signing-secret and
 * tierzero.chat.&lt;tenant&gt;.teams-security-token (or the environment: TIERZERO_CHAT_DEMO_SLACK_SIGNING_SECRET).
 */
@Component
class ChatSecrets {

    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Environment environment;

    ChatSecrets(Environment environment) {
        this.environment = environment;
    }

    Optional<String> slackSigningSecret(String tenantId) {
        return secret(tenantId, "slack-signing-secret");
    }

    Optional<String> teamsSecurityToken(String tenantId) {
        return secret(tenantId, "teams-security-token");
    }

    private Optional<String> secret(String tenantId, String name) {
        if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(environment.getProperty("tierzero.chat." + tenantId + "." + name))
                .filter(secret -> !secret.isBlank());
    }
}
