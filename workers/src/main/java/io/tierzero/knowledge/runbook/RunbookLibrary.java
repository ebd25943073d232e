package io.tierzero.knowledge.runbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The product's default runbooks (runbooks/ of the project, shipped in the jar), by id. */
@Component
public class RunbookLibrary {

    private final Map<String, Runbook> byId;

    public RunbookLibrary() {
        this.byId = Map.copyOf(readClasspath());
    }

    public Collection<Runbook> all() {
        return byId.values();
    }

    public Optional<Runbook> find(String runbookId) {
        return runbookId == null ? Optional.empty() : Optional.ofNullable(byId.get(runbookId));
    }

    private static Map<String, Runbook> readClasspath() {
        Map<String, Runbook> runbooks = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:runbooks/*.md")) {
                try (InputStream in = resource.getInputStream()) {
                    Runbook runbook = RunbookParser.parse(Path.of(String.valueOf(resource.getFilename())),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    runbooks.put(runbook.id(), runbook);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return runbooks;
    }
}
