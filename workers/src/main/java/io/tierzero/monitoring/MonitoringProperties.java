package io.tierzero.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How monitoring alerts become incidents: tierzero.monitoring.* (the webhook tokens are read by the routes).
 *
 * @param stormWindow          a new alert on a configuration item joins the item's open incident if that incident
 *                             was opened less than this long ago
 * @param repeatRecordInterval a repeated alert is counted every time, but written to the incident's history at
 *                             most once per this interval (and whenever it fires again after resolving or changes
 *                             severity)
 */
@ConfigurationProperties("tierzero.monitoring")
public record MonitoringProperties(@DefaultValue("PT10M") Duration stormWindow,
        @DefaultValue("PT1H") Duration repeatRecordInterval) {
}
