package io.wordstream.console.session;

import io.wordstream.console.kafka.ClusterPoller;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.launch.LocalCluster;
import io.wordstream.console.launch.MasterPoller;
import io.wordstream.console.model.KafkaSnapshot;
import io.wordstream.console.model.MasterSnapshot;
import io.wordstream.console.security.ClusterSecurity;
import io.wordstream.console.settings.Settings;
import java.util.function.Consumer;

/**
 * Readings of the cluster under a pipeline, for the console's cluster view and the Prometheus figures: Kafka's
 * brokers and input partitions once Kafka is ready, the standalone master's JSON once the job runs on one. Each
 * starts once, however often asked; the sinks run on the pollers' threads.
 */
public final class ClusterReadings implements AutoCloseable {
    private final Consumer<KafkaSnapshot> kafkaSink;
    private final Consumer<MasterSnapshot> masterSink;
    private ClusterPoller kafka;
    private MasterPoller master;
    private boolean closed;

    public ClusterReadings(Consumer<KafkaSnapshot> kafkaSink, Consumer<MasterSnapshot> masterSink) {
        this.kafkaSink = kafkaSink;
        this.masterSink = masterSink;
    }

    /** Reads Kafka's brokers and the input partitions of {@code s} from now on. */
    public synchronized void kafka(Settings s) {
        if (kafka == null && !closed) {
            kafka = ClusterPoller.start(KafkaClients.base(s), s.inputTopics(), s.resultsTopic(), kafkaSink);
        }
    }

    /**
     * Reads the master's JSON from now on, when {@code masterUrl} is a standalone master (or {@code local} one), over
     * TLS with the client certificate when {@code security} says the master's UI is secured.
     */
    public synchronized void master(String masterUrl, LocalCluster local, ClusterSecurity security) {
        if (master == null && !closed) {
            MasterPoller.of(masterUrl, local, security).ifPresent(poller -> master = poller.start(masterSink));
        }
    }

    @Override
    public void close() {
        ClusterPoller k;
        MasterPoller m;
        synchronized (this) {
            closed = true;
            k = kafka;
            m = master;
            kafka = null;
            master = null;
        }
        if (k != null) {
            k.close();
        }
        if (m != null) {
            m.close();
        }
    }
}
