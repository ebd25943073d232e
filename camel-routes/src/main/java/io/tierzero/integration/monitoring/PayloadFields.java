package io.tierzero.integration.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading the fields of a webhook body, with errors that name the field. */
final class PayloadFields {

    private PayloadFields() {
    }

    static JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidAlertPayloadException((path.isEmpty() ? "The body" : "'" + path + "'") + " must be a JSON object.");
        }
        return node;
    }

    static String required(JsonNode node, String field, String at) {
        String value = optional(node, field);
        if (value == null) {
            throw new InvalidAlertPayloadException("'" + at + field + "' is missing.");
        }
        return value;
    }

    /** The field as text (numbers too), or null when it is absent, null or blank. */
    static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().strip();
    }

    static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidAlertPayloadException("'" + field + "' is not an RFC 3339 time: " + value);
        }
    }

    /** A JSON object of strings, e.g. Prometheus labels; an absent field is an empty map. */
    static Map<String, String> strings(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        Map<String, String> strings = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return strings;
        }
        if (!value.isObject()) {
            throw new InvalidAlertPayloadException("'" + at + field + "' must be an object of strings.");
        }
        value.properties().forEach(entry -> strings.put(entry.getKey(), entry.getValue().asText()));
        return strings;
    }

    /** A host name without the port: "db01:9100" names the host db01, "[fe80::1]:9100" the host fe80::1. */
    static String hostOf(String instance) {
        if (instance == null) {
            return null;
        }
        if (instance.startsWith("[") && instance.contains("]")) {
            return instance.substring(1, instance.indexOf(']'));
        }
        int colon = instance.indexOf(':');
        boolean hostAndPort = colon > 0 && colon == instance.lastIndexOf(':') && instance.substring(colon + 1).matches("\\d+");
        return hostAndPort ? instance.substring(0, colon) : instance;
    }
}
