package io.tierzero.integration.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.AlertIntake;
import org.springframework.stereotype.Component;

/** POST /integrations/tenants/{tenant}/alerts/datadog: see {@link DatadogTranslator} for the body. */
@Component
public class DatadogRoutes extends AlertWebhookRoutes {

    public DatadogRoutes(DatadogTranslator translator, AlertWebhookTokens tokens, AlertIntake intake, ObjectMapper json) {
        super(DatadogTranslator.SOURCE, translator, tokens, intake, json);
    }
}
