package io.tierzero.integration;

/**
 * What a connected system answered to a write: the record's id and its version after the write, and for a
 * comment the id the system gave it (so the comment is recognised as TierZero's own when it is read back).
 */
public record WriteResult(String externalId, String version, String commentId) {

    public WriteResult(String externalId, String version) {
        this(externalId, version, null);
    }
}
