package io.tierzero.integration;

import java.time.Instant;
import java.util.Map;

/**
 * One alert from a monitoring system, whatever its webhook format. The source's fingerprint identifies the alert
 * across deliveries: a repeated or resolved alert carries the same fingerprint as the one that fired.
 *
 * @param source            alertmanager, zabbix or datadog
 * @param configurationItem the host, instance or service the alert is about; null when the alert names none
 * @param labels            the source's labels or tags, as sent
 * @param startsAt          when the alert started firing, as the source says; null when it does not say
 * @param endsAt            when it stopped firing (resolved alerts); null otherwise
 * @param sourceUrl         a link back to the alert in the source; null when there is none
 */
public record MonitoringAlert(
        String tenantId,
        String source,
        String fingerprint,
        Status status,
        String alertName,
        Severity severity,
        String summary,
        String description,
        String configurationItem,
        Map<String, String> labels,
        Instant startsAt,
        Instant endsAt,
        String sourceUrl) {

    public MonitoringAlert {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public enum Status {
        FIRING, RESOLVED
    }

    /** The three levels every source's severities map to. */
    public enum Severity {
        CRITICAL, WARNING, INFO
    }
}
