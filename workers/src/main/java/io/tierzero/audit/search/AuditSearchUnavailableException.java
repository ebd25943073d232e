package io.tierzero.audit.search;

/** The audit index cannot be reached: the trail itself (and its chain check) is in PostgreSQL and unaffected. */
public class AuditSearchUnavailableException extends RuntimeException {

    public AuditSearchUnavailableException(Throwable cause) {
        super("The audit search index cannot be reached (" + cause.getClass().getSimpleName() + "); the audit trail is "
                + "intact in the database: a ticket's history (GET /api/tenants/{t}/tickets/{id}) and the chain check still work",
                cause);
    }
}
