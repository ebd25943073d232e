package io.tierzero.knowledge.runbook;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Scores a runbook's maturity the way a knowledge manager reviews an article:
 * <ul>
 *   <li>completeness: every front-matter field and every section is there and filled;</li>
 *   <li>currency: reviewed within 6 months scores 1, falling to 0 at 2 years;</li>
 *   <li>structure: enough phrasings to match tickets, numbered steps, checkable verification and
 *       escalation, known mode and risk;</li>
 *   <li>clarity: short sentences (average at most 18 words scores 1, 38 or more scores 0) and few long ones.</li>
 * </ul>
 */
public class RunbookMaturity {

    static final Set<String> MODES = Set.of("automated", "guided", "self-heal", "escalate");
    static final Set<String> RISKS = Set.of("low", "medium", "high", "critical");
    private static final Pattern BULLET = Pattern.compile("(?m)^\\s*[-*] \\S");
    private static final Pattern NUMBERED = Pattern.compile("(?m)^\\s*\\d+\\. \\S");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;](\\s+|$)|\\n\\s*\\n|\\n\\s*[-*\\d]");

    private final Clock clock;

    public RunbookMaturity(Clock clock) {
        this.clock = clock;
    }

    public MaturityScore score(Runbook runbook) {
        List<String> findings = new ArrayList<>();
        return new MaturityScore(runbook.id(), completeness(runbook, findings), currency(runbook, findings),
                structure(runbook, findings), clarity(runbook, findings), findings);
    }

    private double completeness(Runbook runbook, List<String> findings) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", runbook.id());
        fields.put("title", runbook.title());
        fields.put("category", runbook.category());
        fields.put("mode", runbook.mode());
        fields.put("required_inputs", runbook.requiredInputs().isEmpty() ? null : runbook.requiredInputs());
        fields.put("risk", runbook.risk());
        fields.put("approval", runbook.approval());
        fields.put("owner", runbook.owner());
        fields.put("version", runbook.version());
        fields.put("last_reviewed", runbook.lastReviewed());
        int present = 0;
        for (var field : fields.entrySet()) {
            if (field.getValue() == null || field.getValue().toString().isBlank()) {
                findings.add("front matter: " + field.getKey() + " is missing");
            } else {
                present++;
            }
        }
        for (String section : Runbook.SECTIONS) {
            if (runbook.section(section).isBlank()) {
                findings.add("section missing or empty: " + section);
            } else {
                present++;
            }
        }
        return (double) present / (fields.size() + Runbook.SECTIONS.size());
    }

    private double currency(Runbook runbook, List<String> findings) {
        if (runbook.lastReviewed() == null) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(runbook.lastReviewed(), LocalDate.now(clock));
        if (days > 180) {
            findings.add("last reviewed " + days + " days ago");
        }
        return clamp(1 - (days - 180) / (730.0 - 180));
    }

    private double structure(Runbook runbook, List<String> findings) {
        List<Check> checks = List.of(
                new Check("at least 5 typical phrasings", r -> count(BULLET, r.section("Symptoms and typical phrasings")) >= 5),
                new Check("at least 2 prerequisites", r -> count(BULLET, r.section("Before you start")) + count(NUMBERED, r.section("Before you start")) >= 2),
                new Check("at least 3 numbered steps", r -> count(NUMBERED, r.section("Steps")) >= 3),
                new Check("at least 2 verification checks", r -> count(BULLET, r.section("Verification")) + count(NUMBERED, r.section("Verification")) >= 2),
                new Check("at least 2 escalation triggers", r -> count(BULLET, r.section("When to escalate")) >= 2),
                new Check("mode is one of " + MODES, r -> r.mode() != null && MODES.contains(r.mode())),
                new Check("risk is one of " + RISKS, r -> r.risk() != null && RISKS.contains(r.risk())));
        int passed = 0;
        for (Check check : checks) {
            if (check.test().test(runbook)) {
                passed++;
            } else {
                findings.add("structure: needs " + check.description());
            }
        }
        return (double) passed / checks.size();
    }

    private double clarity(Runbook runbook, List<String> findings) {
        List<Integer> sentenceLengths = new ArrayList<>();
        for (String section : Runbook.SECTIONS) {
            for (String sentence : SENTENCE_END.split(runbook.section(section))) {
                int words = (int) Arrays.stream(sentence.strip().split("\\s+")).filter(w -> !w.isBlank()).count();
                if (words > 0) {
                    sentenceLengths.add(words);
                }
            }
        }
        if (sentenceLengths.isEmpty()) {
            return 0;
        }
        double average = sentenceLengths.stream().mapToInt(Integer::intValue).average().orElse(0);
        double longShare = sentenceLengths.stream().filter(words -> words > 35).count() / (double) sentenceLengths.size();
        if (average > 18) {
            findings.add("clarity: sentences average %.0f words".formatted(average));
        }
        if (longShare > 0.05) {
            findings.add("clarity: %.0f%% of sentences have more than 35 words".formatted(longShare * 100));
        }
        return (clamp(1 - (average - 18) / 20) + clamp(1 - longShare * 4)) / 2;
    }

    private static int count(Pattern pattern, String text) {
        return (int) pattern.matcher(text).results().count();
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    private record Check(String description, Predicate<Runbook> test) {
    }
}
