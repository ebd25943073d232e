package io.tierzero.audit;

/** Who did something: the process engine, an automated playbook, an agent, or a connected system. */
public record Actor(ActorKind kind, String id) {

    public static final Actor PROCESS = new Actor(ActorKind.SYSTEM, "tierzero-process");

    public static Actor human(String userId) {
        return new Actor(ActorKind.HUMAN, userId);
    }

    public static Actor requester(String requesterId) {
        return new Actor(ActorKind.HUMAN, "requester:" + requesterId);
    }
}
