package io.tierzero.selfheal;

import io.tierzero.remediation.PlaybookRefusedException;
import io.tierzero.ticket.ExtractedEntity;
import io.tierzero.ticket.Ticket;
import java.util.Comparator;
import java.util.Optional;

/** What the alert says, from the entities intake recognised in it; only values recognised with confidence count. */
final class AlertFacts {

    static final double MINIMUM_CONFIDENCE = 0.9;

    private AlertFacts() {
    }

    static Optional<String> find(Ticket ticket, String type) {
        return ticket.entities().stream()
                .filter(entity -> entity.type().equals(type) && entity.confidence() >= MINIMUM_CONFIDENCE)
                .max(Comparator.comparingDouble(ExtractedEntity::confidence))
                .map(entity -> entity.value().strip());
    }

    static String required(Ticket ticket, String type) {
        return find(ticket, type).orElseThrow(() -> new PlaybookRefusedException("The alert does not name its " + type
                + " with confidence " + MINIMUM_CONFIDENCE + " or more"));
    }

    static int percent(Ticket ticket, String type) {
        String value = required(ticket, type).replace("%", "").strip();
        try {
            int percent = (int) Math.round(Double.parseDouble(value));
            if (percent < 1 || percent > 100) {
                throw new NumberFormatException();
            }
            return percent;
        } catch (NumberFormatException e) {
            throw new PlaybookRefusedException("The alert's " + type + " is not a percentage: " + value);
        }
    }
}
