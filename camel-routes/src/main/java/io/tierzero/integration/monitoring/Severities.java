package io.tierzero.integration.monitoring;

import io.tierzero.integration.MonitoringAlert.Severity;
import java.util.Locale;
import java.util.Set;

/** The many severity words of monitoring systems, mapped to critical, warning and info. */
final class Severities {

    private static final Set<String> CRITICAL = Set.of("critical", "crit", "page", "error", "high", "disaster",
            "emergency", "fatal", "p1", "p2");
    private static final Set<String> INFO = Set.of("info", "information", "informational", "low", "none", "notice",
            "not classified", "ok", "p4", "p5");

    private Severities() {
    }

    /** Anything not known as critical or info, absent included, is a warning: it is worth an incident, not a page. */
    static Severity of(String word) {
        if (word == null) {
            return Severity.WARNING;
        }
        String normalised = word.strip().toLowerCase(Locale.ROOT);
        if (CRITICAL.contains(normalised)) {
            return Severity.CRITICAL;
        }
        return INFO.contains(normalised) ? Severity.INFO : Severity.WARNING;
    }
}
