package io.tierzero.integration;

/** What a connected system answered to a write: the record's id and its version after the write. */
public record WriteResult(String externalId, String version) {
}
