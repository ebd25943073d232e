package io.tierzero.integration.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.MonitoringAlert;
import io.tierzero.integration.MonitoringAlert.Status;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A Zabbix webhook media type whose script posts its parameters as one JSON object (see the README):
 * <pre>
 * event_id        {EVENT.ID}            the problem event; recovery messages carry the same id, so it is the fingerprint
 * event_value     {EVENT.VALUE}         1 problem, 0 recovery
 * event_name      {EVENT.NAME}
 * trigger_severity {TRIGGER.SEVERITY}   Not classified, Information, Warning, Average, High, Disaster
 * host            {HOST.NAME}
 * event_tags      {EVENT.TAGSJSON}      [{"tag": "...", "value": "..."}], as an array or as its JSON text
 * optional: event_opdata {EVENT.OPDATA}, trigger_description {TRIGGER.DESCRIPTION}, event_date {EVENT.DATE} and
 * event_time {EVENT.TIME} (the Zabbix server's clock, read as UTC), recovery_date {EVENT.RECOVERY.DATE} and
 * recovery_time {EVENT.RECOVERY.TIME}, event_url (a link to the event in the Zabbix frontend)
 * </pre>
 */
@Component
public class ZabbixTranslator implements AlertTranslator {

    public static final String SOURCE = "zabbix";

    private static final DateTimeFormatter ZABBIX_DATE_TIME = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public List<MonitoringAlert> alerts(String tenantId, JsonNode payload) {
        PayloadFields.object(payload, "");
        String value = PayloadFields.required(payload, "event_value", "");
        if (!value.equals("1") && !value.equals("0")) {
            throw new InvalidAlertPayloadException("'event_value' is '" + value + "': use 1 (problem) or 0 (recovery).");
        }
        boolean problem = value.equals("1");
        String severity = PayloadFields.optional(payload, "trigger_severity");
        Map<String, String> labels = tags(payload.get("event_tags"));
        if (severity != null) {
            labels.putIfAbsent("severity", severity);
        }
        String host = PayloadFields.optional(payload, "host");
        return List.of(new MonitoringAlert(tenantId, SOURCE, PayloadFields.required(payload, "event_id", ""),
                problem ? Status.FIRING : Status.RESOLVED, PayloadFields.required(payload, "event_name", ""),
                Severities.of(severity == null ? null : zabbixSeverity(severity)),
                PayloadFields.optional(payload, "event_opdata"), PayloadFields.optional(payload, "trigger_description"),
                host, labels, time(payload, "event_date", "event_time"),
                problem ? null : time(payload, "recovery_date", "recovery_time"),
                PayloadFields.optional(payload, "event_url")));
    }

    /** Disaster and High page someone; Average and Warning are warnings; Information and Not classified are info. */
    private static String zabbixSeverity(String severity) {
        return switch (severity.strip().toLowerCase()) {
            case "disaster", "high" -> "critical";
            case "average", "warning" -> "warning";
            case "information", "not classified" -> "info";
            default -> severity;
        };
    }

    private static Map<String, String> tags(JsonNode tags) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (tags == null || tags.isNull() || (tags.isTextual() && tags.asText().isBlank())) {
            return labels;
        }
        JsonNode array = tags;
        if (tags.isTextual()) {
            try {
                array = JSON.readTree(tags.asText());
            } catch (JsonProcessingException e) {
                throw new InvalidAlertPayloadException("'event_tags' is not the JSON of {EVENT.TAGSJSON}.");
            }
        }
        if (!array.isArray()) {
            throw new InvalidAlertPayloadException("'event_tags' must be an array of {\"tag\": ..., \"value\": ...}.");
        }
        for (JsonNode tag : array) {
            String name = PayloadFields.optional(tag, "tag");
            if (name != null) {
                String tagValue = PayloadFields.optional(tag, "value");
                labels.merge(name, tagValue == null ? "" : tagValue, (a, b) -> a + "," + b);
            }
        }
        return labels;
    }

    private static Instant time(JsonNode payload, String dateField, String timeField) {
        String date = PayloadFields.optional(payload, dateField);
        String time = PayloadFields.optional(payload, timeField);
        if (date == null || time == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(date + " " + time, ZABBIX_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidAlertPayloadException("'" + dateField + "' and '" + timeField
                    + "' are not a Zabbix date (yyyy.mm.dd) and time (hh:mm:ss): " + date + " " + time);
        }
    }
}
