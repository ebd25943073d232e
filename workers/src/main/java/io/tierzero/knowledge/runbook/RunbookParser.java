package io.tierzero.knowledge.runbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads runbook Markdown files: YAML front matter between "---" lines, then "## " sections. */
public final class RunbookParser {

    private RunbookParser() {
    }

    /** Every runbook of a folder (README.md excepted), in file-name order. */
    public static List<Runbook> readFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> markdown = files
                    .filter(file -> file.getFileName().toString().endsWith(".md"))
                    .filter(file -> !file.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted()
                    .toList();
            List<Runbook> runbooks = new ArrayList<>();
            for (Path file : markdown) {
                runbooks.add(parse(file, Files.readString(file)));
            }
            return runbooks;
        }
    }

    public static Runbook parse(Path source, String markdown) {
        String text = markdown.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new InvalidRunbookException(source, "it does not start with YAML front matter (---)");
        }
        int end = text.indexOf("\n---", 4);
        if (end < 0) {
            throw new InvalidRunbookException(source, "its front matter is not closed by ---");
        }
        Map<String, Object> front = frontMatter(source, text.substring(4, end));
        return new Runbook(source, string(front, "id"), string(front, "title"), string(front, "category"),
                string(front, "mode"), list(front, "required_inputs"), string(front, "risk"),
                string(front, "approval"), string(front, "owner"), string(front, "version"),
                date(source, front.get("last_reviewed")), sections(text.substring(end + 4)));
    }

    private static Map<String, Object> frontMatter(Path source, String yaml) {
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException e) {
            throw new InvalidRunbookException(source, "its front matter is not valid YAML: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new InvalidRunbookException(source, "its front matter is not a set of key: value lines");
        }
        Map<String, Object> front = new LinkedHashMap<>();
        map.forEach((key, value) -> front.put(String.valueOf(key), value));
        return front;
    }

    private static Map<String, String> sections(String body) {
        Map<String, String> sections = new LinkedHashMap<>();
        String heading = null;
        StringBuilder content = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("## ")) {
                if (heading != null) {
                    sections.put(heading, content.toString().strip());
                }
                heading = line.substring(3).strip();
                content.setLength(0);
            } else if (heading != null) {
                content.append(line).append('\n');
            }
        }
        if (heading != null) {
            sections.put(heading, content.toString().strip());
        }
        return sections;
    }

    private static String string(Map<String, Object> front, String key) {
        Object value = front.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static List<String> list(Map<String, Object> front, String key) {
        return front.get(key) instanceof List<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }

    private static LocalDate date(Path source, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            // SnakeYAML reads an unquoted YYYY-MM-DD as a timestamp at midnight UTC
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (RuntimeException e) {
            throw new InvalidRunbookException(source, "last_reviewed is not a date (YYYY-MM-DD): " + value);
        }
    }
}
