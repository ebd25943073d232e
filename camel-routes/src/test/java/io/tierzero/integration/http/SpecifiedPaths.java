package io.tierzero.integration.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The operations (method + path) an OpenAPI document defines, read at test time from ../shared/specs beside the
 * repository (never copied into it), and the check that every request a connector made is one of them.
 */
public final class SpecifiedPaths {

    /** The shared specs: the module directory under Maven is camel-routes/, the repository sits beside shared/. */
    public static final Path SPECS = Path.of("").toAbsolutePath().resolve("../../shared/specs").normalize();

    private record Operation(String method, Pattern path, String template) {
    }

    private final List<Operation> operations = new ArrayList<>();

    public static SpecifiedPaths load(String... specFiles) {
        SpecifiedPaths paths = new SpecifiedPaths();
        for (String file : specFiles) {
            paths.add(SPECS.resolve(file));
        }
        return paths;
    }

    /** An operation the API documents but the spec outline does not hold, with where it is documented. */
    public SpecifiedPaths plus(String method, String pathTemplate, String documentedAt) {
        assertThat(documentedAt).isNotBlank();
        operations.add(new Operation(method, pattern(pathTemplate), pathTemplate));
        return this;
    }

    @SuppressWarnings("unchecked")
    private void add(Path file) {
        Map<String, Object> spec;
        try (InputStream in = Files.newInputStream(file)) {
            spec = file.toString().endsWith(".json")
                    ? new ObjectMapper().readValue(in, Map.class)
                    : new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        List<Map<String, Object>> servers = (List<Map<String, Object>>) spec.get("servers");
        String basePath = URI.create(((String) servers.get(0).get("url")).replaceAll("\\{[^}]+}", "x")).getPath();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        paths.forEach((template, methods) -> methods.keySet().forEach(method ->
                operations.add(new Operation(method.toUpperCase(), pattern(basePath + template), basePath + template))));
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    public boolean defines(String method, String path) {
        return operations.stream().anyMatch(op -> op.method().equals(method) && op.path().matcher(path).matches());
    }

    public int size() {
        return operations.size();
    }

    /** Every request a stub server received must be an operation of the spec. */
    public void assertEveryRequestSpecified(List<ServeEvent> served) {
        List<String> unspecified = served.stream()
                .map(ServeEvent::getRequest)
                .map(request -> request.getMethod().getName() + " " + URI.create(request.getUrl()).getPath())
                .filter(call -> !defines(call.substring(0, call.indexOf(' ')), call.substring(call.indexOf(' ') + 1)))
                .distinct()
                .toList();
        assertThat(served).isNotEmpty();
        assertThat(unspecified).as("requests not defined by the API spec").isEmpty();
    }
}
