package io.wordstream.console.tui;

import io.wordstream.console.kafka.ClusterPoller;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.launch.LocalCluster;
import io.wordstream.console.launch.MasterPoller;
import io.wordstream.console.security.ClusterSecurity;
import io.wordstream.console.settings.Settings;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The cluster view's sources, started as the pipeline comes up and stopped with it: Kafka's admin client once Kafka
 * is ready, the standalone master's JSON once the job runs on one. Their readings reach {@link PipelineEvents} on the
 * UI thread. Each starts once, however often asked.
 */
final class ClusterFeeds implements AutoCloseable {
    private final Executor ui;
    private final Supplier<PipelineEvents> events;
    private ClusterPoller kafka;
    private MasterPoller master;
    private boolean closed;

    ClusterFeeds(Executor ui, Supplier<PipelineEvents> events) {
        this.ui = ui;
        this.events = events;
    }

    /** Reads Kafka's brokers, the input partitions and the results topic from now on. */
    synchronized void kafka(Settings s) {
        if (kafka == null && !closed) {
            kafka = ClusterPoller.start(KafkaClients.base(s), s.inputTopics(), s.resultsTopic(),
                    snapshot -> ui.execute(() -> events.get().kafkaCluster(snapshot)));
        }
    }

    /** Reads the master's JSON from now on, when {@code masterUrl} is a standalone master (or {@code local} one). */
    synchronized void master(String masterUrl, LocalCluster local, ClusterSecurity security) {
        if (master == null && !closed) {
            MasterPoller.of(masterUrl, local, security).ifPresent(poller -> master = poller
                    .start(snapshot -> ui.execute(() -> events.get().sparkMaster(snapshot))));
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
