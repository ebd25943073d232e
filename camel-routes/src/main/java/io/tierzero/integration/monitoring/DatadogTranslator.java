package io.tierzero.integration.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.integration.MonitoringAlert;
import io.tierzero.integration.MonitoringAlert.Severity;
import io.tierzero.integration.MonitoringAlert.Status;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A Datadog webhook with the custom payload of the README, one field per Datadog variable:
 * <pre>
 * aggreg_key       $AGGREG_KEY         the same for an alert's trigger, renotifications and recovery: the fingerprint
 * alert_id         $ALERT_ID           the monitor (the fingerprint when there is no aggregation key)
 * alert_transition $ALERT_TRANSITION   Triggered, Re-Triggered, Warn, Re-Warn, No Data, Re-No Data, Renotify: firing;
 *                                      Recovered: resolved
 * alert_title      $ALERT_TITLE        "[Triggered on {host:web01}] Host is down": the name without the bracket
 * hostname         $HOSTNAME
 * event_msg        $EVENT_MSG
 * priority         $PRIORITY           normal or low
 * tags             $TAGS               comma-separated, key:value
 * optional: id $ID, alert_priority $ALERT_PRIORITY (P1..P5), alert_status $ALERT_STATUS, date $DATE (epoch
 * milliseconds), link $LINK
 * </pre>
 */
@Component
public class DatadogTranslator implements AlertTranslator {

    public static final String SOURCE = "datadog";

    private static final Set<String> FIRING = Set.of("triggered", "re-triggered", "warn", "re-warn", "no data",
            "re-no data", "renotify");

    @Override
    public List<MonitoringAlert> alerts(String tenantId, JsonNode payload) {
        PayloadFields.object(payload, "");
        String transition = PayloadFields.required(payload, "alert_transition", "");
        String normalised = transition.toLowerCase();
        if (!normalised.equals("recovered") && !FIRING.contains(normalised)) {
            throw new InvalidAlertPayloadException("'alert_transition' is '" + transition
                    + "': use a Datadog $ALERT_TRANSITION (Triggered, Recovered, Warn, No Data, Renotify...).");
        }
        boolean firing = !normalised.equals("recovered");
        String fingerprint = PayloadFields.optional(payload, "aggreg_key");
        if (fingerprint == null) {
            fingerprint = PayloadFields.optional(payload, "alert_id");
        }
        if (fingerprint == null) {
            throw new InvalidAlertPayloadException("'aggreg_key' is missing (and so is 'alert_id').");
        }
        Map<String, String> labels = tags(PayloadFields.optional(payload, "tags"));
        String host = PayloadFields.optional(payload, "hostname");
        Instant date = date(PayloadFields.optional(payload, "date"));
        return List.of(new MonitoringAlert(tenantId, SOURCE, fingerprint, firing ? Status.FIRING : Status.RESOLVED,
                withoutTransition(PayloadFields.required(payload, "alert_title", "")),
                severity(normalised, PayloadFields.optional(payload, "alert_priority"), PayloadFields.optional(payload, "priority")),
                PayloadFields.optional(payload, "alert_status"), PayloadFields.optional(payload, "event_msg"),
                host != null ? host : labels.getOrDefault("host", labels.get("service")), labels,
                firing ? date : null, firing ? null : date, PayloadFields.optional(payload, "link")));
    }

    /**
     * A warning transition is a warning; otherwise the monitor's priority says (P1-P2 critical, P3 warning, P4-P5
     * info), else the event's: low is info, normal is critical (the monitor crossed its alert threshold).
     */
    private static Severity severity(String transition, String alertPriority, String priority) {
        if (transition.endsWith("warn") || transition.endsWith("no data")) {
            return Severity.WARNING;
        }
        if (alertPriority != null) {
            return Severities.of(alertPriority.equalsIgnoreCase("P3") ? "warning" : alertPriority);
        }
        return "low".equalsIgnoreCase(priority) ? Severity.INFO : Severity.CRITICAL;
    }

    private static String withoutTransition(String title) {
        String name = title;
        while (name.startsWith("[") && name.indexOf("] ") > 0) {
            name = name.substring(name.indexOf("] ") + 2).strip();
        }
        return name.isEmpty() ? title : name;
    }

    private static Map<String, String> tags(String tags) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (tags == null) {
            return labels;
        }
        for (String tag : tags.split(",")) {
            String trimmed = tag.strip();
            if (!trimmed.isEmpty()) {
                int colon = trimmed.indexOf(':');
                labels.merge(colon < 0 ? trimmed : trimmed.substring(0, colon), colon < 0 ? "" : trimmed.substring(colon + 1),
                        (a, b) -> a + "," + b);
            }
        }
        return labels;
    }

    private static Instant date(String epochMillis) {
        if (epochMillis == null) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(epochMillis));
        } catch (NumberFormatException e) {
            throw new InvalidAlertPayloadException("'date' is not epoch milliseconds ($DATE): " + epochMillis);
        }
    }
}
