package io.tierzero.integration.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.AlertIntake;
import org.springframework.stereotype.Component;

/** POST /integrations/tenants/{tenant}/alerts/zabbix: see {@link ZabbixTranslator} for the body. */
@Component
public class ZabbixRoutes extends AlertWebhookRoutes {

    public ZabbixRoutes(ZabbixTranslator translator, AlertWebhookTokens tokens, AlertIntake intake, ObjectMapper json) {
        super(ZabbixTranslator.SOURCE, translator, tokens, intake, json);
    }
}
