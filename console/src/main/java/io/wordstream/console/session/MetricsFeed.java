package io.wordstream.console.session;

import io.wordstream.console.metrics.PipelineMetrics;
import org.apache.spark.launcher.SparkAppHandle;

/**
 * Hands a session's events to the Prometheus figures: the job's metrics records, whether the job runs, the local
 * cluster's workers; and starts the readings of Kafka and the Spark master that the figures need, its own in 'run'
 * and the console alike (the console's screen reads them too, every 2 s: a second reader is cheap).
 */
public final class MetricsFeed implements SessionListener, AutoCloseable {
    private final PipelineMetrics metrics;
    private final ClusterReadings readings;

    public MetricsFeed(PipelineMetrics metrics) {
        this.metrics = metrics;
        this.readings = new ClusterReadings(metrics::kafka, metrics::master);
    }

    @Override
    public void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.JobMetrics m) {
            metrics.jobEvent(m.event());
        } else if (event instanceof SessionEvent.JobStateChanged s) {
            metrics.jobRunning(s.state() == SparkAppHandle.State.RUNNING);
        } else if (event instanceof SessionEvent.KafkaReady k) {
            readings.kafka(k.settings());
        } else if (event instanceof SessionEvent.Ready r) {
            metrics.jobRunning(true);
            readings.kafka(r.settings());
            // A local cluster's web page is its session's to know: its workers come by event instead.
            if (r.settings().localCluster() == 0) {
                readings.master(r.settings().master(), null, r.settings().security());
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
        readings.close();
    }
}
