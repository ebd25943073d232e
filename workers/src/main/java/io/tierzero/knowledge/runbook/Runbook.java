package io.tierzero.knowledge.runbook;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A runbook of the knowledge base: its front matter and its sections (level-2 heading -> text).
 * See runbooks/README.md for the format.
 */
public record Runbook(
        Path source,
        String id,
        String title,
        String category,
        String mode,
        List<String> requiredInputs,
        String risk,
        String approval,
        String owner,
        String version,
        LocalDate lastReviewed,
        Map<String, String> sections) {

    public static final List<String> SECTIONS = List.of("Symptoms and typical phrasings", "Before you start",
            "Steps", "Verification", "Rollback", "When to escalate");

    public String section(String heading) {
        return sections.getOrDefault(heading, "");
    }

    /** The bullet points of "Symptoms and typical phrasings", quotes removed: how requesters describe the problem. */
    public List<String> typicalPhrasings() {
        return section(SECTIONS.get(0)).lines()
                .map(String::strip)
                .filter(line -> line.startsWith("- "))
                .map(line -> line.substring(2).strip().replace("\"", ""))
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
