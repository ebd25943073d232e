package io.tierzero.communication;

/** What became of a reply read from the service desk's mailbox (column mail_replies.outcome). */
public enum ReplyOutcome {
    ANSWERED_YES("answered-yes"),
    ANSWERED_NO("answered-no"),
    UNCLEAR("unclear"),
    NOT_A_REPLY("not-a-reply"),
    WRONG_SENDER("wrong-sender");

    private final String value;

    ReplyOutcome(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static ReplyOutcome of(String value) {
        for (ReplyOutcome outcome : values()) {
            if (outcome.value.equals(value)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("No reply outcome " + value);
    }
}
