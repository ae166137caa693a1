package io.wordstream.console.it;

import io.wordstream.console.kafka.ClusterPoller;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.launch.MasterPoller;
import io.wordstream.console.model.ClusterState;
import io.wordstream.console.model.JobEvent;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The cluster view's model fed by its real sources, read on the test's thread: Kafka through the admin client, the
 * standalone master's JSON when there is one, and the job's events from the metrics topic.
 */
final class ClusterWatching implements AutoCloseable {
    private final ClusterState state = new ClusterState();
    private final ClusterPoller kafka;
    private final MasterPoller master;
    private final ResultsReader reader;
    private int eventsSeen;

    ClusterWatching(StartedPipeline pipeline, ResultsReader reader) {
        this(KafkaClients.base(pipeline.settings()), pipeline.settings().inputTopics(),
                pipeline.settings().resultsTopic(), MasterPoller.pageOf(pipeline.settings().master(),
                        pipeline.cluster()).map(MasterPoller::new), reader);
    }

    /**
     * As the console watches a pipeline that {@code run} started: its Kafka, its master's page (read as the console
     * reads it, over TLS with its certificate when secured), its metrics.
     */
    ClusterWatching(Properties kafka, List<String> inputTopics, String resultsTopic, Optional<MasterPoller> master,
                    ResultsReader reader) {
        this.kafka = ClusterPoller.open(kafka, inputTopics, resultsTopic);
        this.master = master.orElse(null);
        this.reader = reader;
    }

    /** Reads every source once more and returns the model. */
    ClusterState refresh() {
        List<JobEvent> events = reader.events();
        events.subList(eventsSeen, events.size()).forEach(state::jobEvent);
        eventsSeen = events.size();
        state.kafka(kafka.read(), System.nanoTime());
        if (master != null) {
            state.master(master.read());
        }
        return state;
    }

    @Override
    public void close() {
        kafka.close();
        if (master != null) {
            master.close();
        }
    }
}
