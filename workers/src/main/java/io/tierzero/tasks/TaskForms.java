package io.tierzero.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms of forms/, read from the classpath: form data submitted for a task is checked against its
 * form's required fields and allowed values before the lifecycle moves on.
 */
@Component
public class TaskForms {

    private static final Pattern TEMPLATED_NAME = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private final ObjectMapper json;
    private final Map<String, JsonNode> forms = new ConcurrentHashMap<>();
    private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();

    public TaskForms(ObjectMapper json) {
        this.json = json;
    }

    public JsonNode schema(String formId) {
        return forms.computeIfAbsent(formId, this::load);
    }

    /** Returns the submitted values of the form's fields only; throws if a field is missing or not allowed. */
    public Map<String, Object> validate(String formId, Map<String, Object> data) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> accepted = new LinkedHashMap<>();
        for (JsonNode field : fieldsOf(schema(formId))) {
            String key = field.path("key").asText(null);
            if (key == null || field.path("readonly").asBoolean(false) || field.path("disabled").asBoolean(false)
                    || isHidden(field, data)) {
                continue;
            }
            Object value = data.get(key);
            boolean blank = value == null || (value instanceof String text && text.isBlank());
            if (blank) {
                if (field.path("validate").path("required").asBoolean(false)) {
                    errors.put(key, "is required");
                }
                continue;
            }
            Set<String> allowed = allowedValues(field);
            if (!allowed.isEmpty() && !allowed.contains(String.valueOf(value))) {
                errors.put(key, "must be one of " + String.join(", ", allowed));
                continue;
            }
            int maxLength = field.path("validate").path("maxLength").asInt(0);
            if (maxLength > 0 && value instanceof String text && text.length() > maxLength) {
                errors.put(key, "must be at most " + maxLength + " characters");
                continue;
            }
            accepted.put(key, value);
        }
        if (!errors.isEmpty()) {
            throw new InvalidFormDataException(errors);
        }
        return accepted;
    }

    /**
     * The variables a form shows: its fields' keys and the names its texts template in with {@code {{name}}}.
     * A task keeps these of its job's variables, so the form can be rendered as the engine handed it over.
     */
    public Set<String> inputNames(String formId) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode component : fieldsOf(schema(formId))) {
            if (component.hasNonNull("key")) {
                names.add(component.path("key").asText());
            }
            TEMPLATED_NAME.matcher(component.path("text").asText("")).results().forEach(name -> names.add(name.group(1)));
        }
        return names;
    }

    /** The fields of a form, including those inside groups. */
    private static List<JsonNode> fieldsOf(JsonNode container) {
        List<JsonNode> fields = new ArrayList<>();
        for (JsonNode component : container.path("components")) {
            fields.add(component);
            fields.addAll(fieldsOf(component));
        }
        return fields;
    }

    /** A field the form hides for this data (its FEEL "conditional.hide" is true) is neither required nor kept. */
    private boolean isHidden(JsonNode field, Map<String, Object> data) {
        String hide = field.path("conditional").path("hide").asText("");
        if (hide.isBlank()) {
            return false;
        }
        EvaluationResult result = feel.evaluateExpression(hide.startsWith("=") ? hide.substring(1) : hide, data);
        return result.isSuccess() && Boolean.TRUE.equals(result.result());
    }

    private static Set<String> allowedValues(JsonNode field) {
        return StreamSupport.stream(field.path("values").spliterator(), false)
                .map(option -> option.path("value").asText())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private JsonNode load(String formId) {
        ClassPathResource resource = new ClassPathResource("forms/" + formId + ".form");
        if (!resource.exists()) {
            throw new IllegalStateException("The form " + formId + " is not in forms/");
        }
        try (InputStream in = resource.getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
