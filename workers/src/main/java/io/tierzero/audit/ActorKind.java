package io.tierzero.audit;

public enum ActorKind {
    SYSTEM, AUTOMATION, HUMAN, INTEGRATION;

    String dbValue() {
        return name().toLowerCase();
    }
}
