package io.tierzero.triage;

import java.time.Instant;
import java.util.Map;

/** A model in the registry, without its artifact. */
public record RegisteredModel(String version, Instant createdAt, Instant trainedAt, String trainingDataSha256,
        String labelColumn, Map<String, Object> metrics, String artifactSha256, boolean active, Instant activatedAt,
        String activatedBy) {
}
