package io.tierzero.triage.drift;

/** Who established what a ticket really was. */
public enum OutcomeSource {
    /** The agent who resolved it, in the queue it was routed to. */
    AGENT("agent"),
    /** The agent who resolved it named another group as the right one. */
    REASSIGNMENT("reassignment"),
    /** The requester answered "did this resolve your issue?" before any agent worked the ticket. */
    REQUESTER("requester");

    private final String value;

    OutcomeSource(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
