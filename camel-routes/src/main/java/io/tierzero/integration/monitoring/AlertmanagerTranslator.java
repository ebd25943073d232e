package io.tierzero.integration.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.integration.MonitoringAlert;
import io.tierzero.integration.MonitoringAlert.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Prometheus Alertmanager's webhook (payload version 4): every alert of the notified group, firing and resolved,
 * each with the fingerprint Alertmanager computes from its labels.
 */
@Component
public class AlertmanagerTranslator implements AlertTranslator {

    public static final String SOURCE = "alertmanager";

    /** Alertmanager's "no end time": the zero time of Go. */
    private static final Instant UNSET = Instant.parse("0001-01-01T00:00:00Z");

    @Override
    public List<MonitoringAlert> alerts(String tenantId, JsonNode payload) {
        PayloadFields.object(payload, "");
        JsonNode alerts = payload.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            throw new InvalidAlertPayloadException("'alerts' is missing: this is not an Alertmanager webhook body.");
        }
        List<MonitoringAlert> translated = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            translated.add(alert(tenantId, PayloadFields.object(alerts.get(i), "alerts[" + i + "]"), "alerts[" + i + "]."));
        }
        return translated;
    }

    private static MonitoringAlert alert(String tenantId, JsonNode alert, String at) {
        Map<String, String> labels = PayloadFields.strings(alert, "labels", at);
        Map<String, String> annotations = PayloadFields.strings(alert, "annotations", at);
        String alertName = labels.get("alertname");
        if (alertName == null || alertName.isBlank()) {
            throw new InvalidAlertPayloadException("'" + at + "labels.alertname' is missing.");
        }
        String status = PayloadFields.required(alert, "status", at);
        if (!status.equals("firing") && !status.equals("resolved")) {
            throw new InvalidAlertPayloadException("'" + at + "status' is '" + status + "': use firing or resolved.");
        }
        boolean firing = status.equals("firing");
        String endsAt = PayloadFields.optional(alert, "endsAt");
        return new MonitoringAlert(tenantId, SOURCE, PayloadFields.required(alert, "fingerprint", at),
                firing ? Status.FIRING : Status.RESOLVED, alertName,
                Severities.of(labels.get("severity")), annotations.get("summary"),
                annotations.getOrDefault("description", annotations.get("message")), configurationItem(labels), labels,
                PayloadFields.instant(PayloadFields.required(alert, "startsAt", at), at + "startsAt"),
                firing || endsAt == null ? null : endOf(PayloadFields.instant(endsAt, at + "endsAt")),
                PayloadFields.optional(alert, "generatorURL"));
    }

    private static Instant endOf(Instant endsAt) {
        return UNSET.equals(endsAt) ? null : endsAt;
    }

    /** The host first (what storms are correlated on), else the service. */
    private static String configurationItem(Map<String, String> labels) {
        return Stream.of(labels.get("host"), labels.get("hostname"), PayloadFields.hostOf(labels.get("instance")),
                        labels.get("service"))
                .filter(value -> value != null && !value.isBlank())
                .findFirst().orElse(null);
    }
}
