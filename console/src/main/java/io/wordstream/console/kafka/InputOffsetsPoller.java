package io.wordstream.console.kafka;

import io.wordstream.common.ExecutorStop;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the input topics' end offsets about once a second on a thread of its own and hands their sum (every record
 * the topics ever received) to a callback: what it grows by is the rate of records into the topics, whoever sends
 * them. A reading Kafka does not answer is skipped.
 */
public final class InputOffsetsPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InputOffsetsPoller.class);
    /** How often the end offsets are read. */
    public static final Duration PERIOD = Duration.ofSeconds(1);

    private final EndOffsets offsets;
    private final ScheduledExecutorService timer;

    private InputOffsetsPoller(EndOffsets offsets, ScheduledExecutorService timer) {
        this.offsets = offsets;
        this.timer = timer;
    }

    /** Starts reading; {@code onTotal} runs on the poller's thread (hand it to the UI thread from there). */
    public static InputOffsetsPoller start(Properties kafka, List<String> topics, LongConsumer onTotal) {
        EndOffsets offsets = new EndOffsets(kafka, PERIOD.multipliedBy(3));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "input-offsets");
            t.setDaemon(true);
            return t;
        });
        InputOffsetsPoller poller = new InputOffsetsPoller(offsets, timer);
        var unused = timer.scheduleWithFixedDelay(() -> poller.read(topics, onTotal), 0, PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        return poller;
    }

    private void read(List<String> topics, LongConsumer onTotal) {
        try {
            Map<TopicPartition, Long> end = offsets.of(topics);
            onTotal.accept(end.values().stream().mapToLong(Long::longValue).sum());
        } catch (RuntimeException e) {
            // Kafka away or a topic not made yet: the rate falls to zero over its span, as nothing is counted.
            LOG.debug("no end offsets of {} this time: {}", topics, e.toString());
        }
    }

    @Override
    public void close() {
        if (!ExecutorStop.now(timer, Duration.ofSeconds(5))) {
            LOG.warn("the input offsets poller did not stop within 5 s");
        }
        offsets.close();
    }
}
