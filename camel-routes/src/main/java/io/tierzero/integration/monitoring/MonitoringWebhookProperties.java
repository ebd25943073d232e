package io.tierzero.integration.monitoring;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Monitoring webhook settings: tierzero.monitoring.tokens.<tenant>.
 *
 * @param tokens per tenant: the bearer token its monitoring systems send (Authorization: Bearer ...); a tenant
 *               without one accepts no alerts
 */
@ConfigurationProperties("tierzero.monitoring")
public record MonitoringWebhookProperties(@DefaultValue Map<String, String> tokens) {
}
