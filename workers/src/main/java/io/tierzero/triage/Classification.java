package io.tierzero.triage;

/** What triage concluded about a ticket, with how sure it is (0 when no model is active). */
public record Classification(String category, double confidence, String impact, String urgency, String model) {
}
