package io.wordstream.bench.failover;

/** The two runs of a failover drill, each on a fresh cluster. */
public enum FailoverRun {
    /** Kafka's and Spark's own defaults, given back through the operator's override paths. */
    before,
    /** wordstream's settings. */
    after
}
