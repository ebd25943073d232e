package io.tierzero.triage.model;

/** A sparse feature vector: sorted feature indices and their values. */
public record SparseVector(int[] indices, float[] values) {
    public int size() {
        return indices.length;
    }
}
