package io.tierzero.integration;

/** The chat tools whose users talk to TierZero's bot. */
public enum ChatPlatform {
    SLACK, TEAMS;

    public String value() {
        return name().toLowerCase();
    }
}
