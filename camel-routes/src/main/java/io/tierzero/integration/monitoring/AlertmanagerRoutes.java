package io.tierzero.integration.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.AlertIntake;
import org.springframework.stereotype.Component;

/** POST /integrations/tenants/{tenant}/alerts/alertmanager: see {@link AlertmanagerTranslator} for the body. */
@Component
public class AlertmanagerRoutes extends AlertWebhookRoutes {

    public AlertmanagerRoutes(AlertmanagerTranslator translator, AlertWebhookTokens tokens, AlertIntake intake, ObjectMapper json) {
        super(AlertmanagerTranslator.SOURCE, translator, tokens, intake, json);
    }
}
