package io.wordstream.broker;

/**
 * The KRaft quorum a node belongs to: its own id, the static voters ({@code 1@host:port,...}) and how many there
 * are, which decides how many replicas Kafka's internal and default topics get, and how long the quorum waits for a
 * node that stopped beating before it fences it.
 *
 * @param nodeId           this node's id
 * @param voters           the value of {@code controller.quorum.voters}
 * @param size             how many voters
 * @param sessionTimeoutMs {@code broker.session.timeout.ms}, or 0 for Kafka's own (9 s)
 */
record Quorum(int nodeId, String voters, int size, long sessionTimeoutMs) {

    /** The embedded broker's quorum of one. */
    static Quorum single(String host, int controllerPort) {
        return new Quorum(1, "1@" + host + ":" + controllerPort, 1, 0);
    }

    /** A quorum given as {@code 1@A:9093,2@B:9093,...}, this node being {@code nodeId}. */
    static Quorum of(int nodeId, String voters) {
        return new Quorum(nodeId, voters, voters.split(",").length, 0);
    }

    /** The same quorum, fencing a silent node after {@code ms}. */
    Quorum withSessionTimeout(long ms) {
        return new Quorum(nodeId, voters, size, ms);
    }

    /** How often a node beats: as often, relative to its session, as Kafka's defaults (2 s of 9 s). */
    long heartbeatIntervalMs() {
        return sessionTimeoutMs * 2 / 9;
    }

    /** Three copies where there are three nodes or more: one host may be lost without losing a record. */
    int replicationFactor() {
        return Math.min(3, size);
    }

    /** Two of three copies must acknowledge a write; a smaller cluster cannot ask that. */
    int minInSyncReplicas() {
        return replicationFactor() >= 3 ? 2 : 1;
    }
}
