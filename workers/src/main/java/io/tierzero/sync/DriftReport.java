package io.tierzero.sync;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One reconciliation run of a connection: how many records were compared and every drift found and repaired. */
public record DriftReport(UUID runId, String tenantId, String connectionId, Instant startedAt, Instant finishedAt,
                          int linkedRecordsChecked, int externalRecordsChecked, List<Drift> drifts) {
}
