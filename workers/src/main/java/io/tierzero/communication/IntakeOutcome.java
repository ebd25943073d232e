package io.tierzero.communication;

/** What e-mail intake made of a mail read from the service desk's mailbox (column inbound_emails.outcome). */
public enum IntakeOutcome {
    OPENED_REQUEST("opened-request"),
    COMMENTED("commented"),
    ANSWERED("answered"),
    IGNORED("ignored"),
    NO_TENANT("no-tenant");

    private final String value;

    IntakeOutcome(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
