package io.tierzero.triage.model;

/** One row of a ticket file: its id, the joined text columns and the label (null when not asked for). */
public record TicketText(String id, String text, String label) {
}
