package io.tierzero.audit.search;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** What a compliance user looks for in a tenant's audit trail; every criterion is optional. */
public record AuditQuery(String tenantId, String ticket, String actor, String action, String text, Instant from,
                         Instant to, int offset, int limit) {

    static final int MAX_LIMIT = 200;
    // OpenSearch's default max_result_window: deeper pages need narrower criteria
    static final int MAX_WINDOW = 10_000;

    public AuditQuery {
        ticket = blankToNull(ticket);
        actor = blankToNull(actor);
        action = blankToNull(action);
        text = blankToNull(text);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidAuditQueryException("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidAuditQueryException("'limit' must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0 || offset + limit > MAX_WINDOW) {
            throw new InvalidAuditQueryException("'offset' + 'limit' must be between 1 and " + MAX_WINDOW
                    + ": narrow the search (period, ticket, actor, action)");
        }
        if (text != null && text.length() > 500) {
            throw new InvalidAuditQueryException("'text' must be at most 500 characters");
        }
    }

    /** An ISO-8601 instant such as 2026-12-01T00:00:00Z, or none. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidAuditQueryException("'" + name + "' must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, not '"
                    + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
