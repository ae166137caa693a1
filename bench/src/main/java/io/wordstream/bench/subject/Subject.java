package io.wordstream.bench.subject;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** One system under test: it reads sentences from its input topic and reports counts to a sink. */
public interface Subject extends AutoCloseable {
    /** The name in the report's table. */
    String name();

    /** Creates what must exist before the system is launched (its input topic), outside the start-up's clock. */
    default void prepare() {
    }

    /** Starts the system without waiting for it; its result rows reach {@code sink} from then on. */
    void start(ResultSink sink);

    /** Waits until the system says it is ready (for systems that say so); returns right away otherwise. */
    default void awaitReady(Duration timeout) throws InterruptedException {
    }

    /** Its micro-batches' phases as it reports them, for systems that do (wordstream); read after ready. */
    default Optional<BatchDurations> batchDurations() {
        return Optional.empty();
    }

    /** Why it is no longer running, if one of its processes ended by itself (for a measurement that failed). */
    default Optional<String> ended() {
        return Optional.empty();
    }

    /** Where the benchmark sends its sentences. */
    Input input();

    /**
     * A system's input.
     *
     * @param kafka client properties to reach its Kafka
     * @param topic its input topic
     */
    record Input(Properties kafka, String topic) {
    }

    /** Peak resident memory of its processes, by role; read before {@link #close}. */
    Map<String, Long> peakMemory();

    /** Stops everything it started. */
    @Override
    void close();
}
