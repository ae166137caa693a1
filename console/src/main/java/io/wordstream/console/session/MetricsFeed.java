package io.wordstream.console.session;

import io.wordstream.console.metrics.PipelineMetrics;
import org.apache.spark.launcher.SparkAppHandle;

/**
 * Hands a session's events to the Prometheus figures: the job's metrics records, whether the job runs, the local
 * cluster's workers; and, for a host that reads the cluster for nothing else ('run'), starts the readings of Kafka
 * and the Spark master that the figures need. The console hands its own readings over instead.
 */
public final class MetricsFeed implements SessionListener, AutoCloseable {
    private final PipelineMetrics metrics;
    /** The readings this feed makes itself, or null when its host hands its own over. */
    private final ClusterReadings readings;
    private volatile Session session;

    /** @param ownReadings whether to read Kafka and the master here: no other part of the host does */
    public MetricsFeed(PipelineMetrics metrics, boolean ownReadings) {
        this.metrics = metrics;
        this.readings = ownReadings ? new ClusterReadings(metrics::kafka, metrics::master) : null;
    }

    /** The session whose local cluster the master readings follow; set before it starts. */
    public void follow(Session s) {
        this.session = s;
    }

    @Override
    public void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.JobMetrics m) {
            metrics.jobEvent(m.event());
        } else if (event instanceof SessionEvent.JobStateChanged s) {
            metrics.jobRunning(s.state() == SparkAppHandle.State.RUNNING);
        } else if (event instanceof SessionEvent.KafkaReady k && readings != null) {
            readings.kafka(k.settings());
        } else if (event instanceof SessionEvent.Ready r) {
            metrics.jobRunning(true);
            Session s = session;
            if (readings != null) {
                readings.kafka(r.settings());
                readings.master(r.settings().master(), s == null ? null : s.cluster());
            }
        } else if (event instanceof SessionEvent.JobBack) {
            metrics.jobRunning(true);
        } else if (event instanceof SessionEvent.JobEnded || event instanceof SessionEvent.Stopped) {
            metrics.jobRunning(false);
        } else if (event instanceof SessionEvent.Workers w) {
            metrics.localWorkers(w.workers());
        }
    }

    @Override
    public void close() {
        if (readings != null) {
            readings.close();
        }
    }
}
