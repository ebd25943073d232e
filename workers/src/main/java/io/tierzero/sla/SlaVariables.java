package io.tierzero.sla;

import java.util.Map;

/** The SLA due times as the lifecycle's timers read them (ISO-8601 date-times). */
final class SlaVariables {

    private SlaVariables() {
    }

    static Map<String, Object> of(SlaDueTimes due) {
        return Map.of("slaWarningAt", due.warningAt().toString(), "slaBreachAt", due.breachAt().toString());
    }
}
