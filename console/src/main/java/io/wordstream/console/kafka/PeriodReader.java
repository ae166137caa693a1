package io.wordstream.console.kafka;

import io.wordstream.console.errors.PipelineFailure;
import io.wordstream.console.errors.UserError;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the part of the results topic that can hold a period's rows, once, handing on each record's value. Rows are
 * written after the words they count, so each partition is read from the first record written at the period's
 * start (less a minute for clocks that disagree) up to the end it had when reading began, or to the first record
 * written more than {@code grace} after the period, whichever comes first.
 */
public final class PeriodReader {
    /** Clocks of producers and brokers may disagree by this much. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    private final Properties clientProperties;
    private final String topic;
    private final Duration grace;
    private final Consumer<String> progress;

    /**
     * @param clientProperties Kafka client properties, bootstrap servers included
     * @param topic            the results topic
     * @param grace            how long after the period's end rows of its windows may still be written
     * @param progress         told how far a long read has come, every two seconds
     */
    public PeriodReader(Properties clientProperties, String topic, Duration grace, Consumer<String> progress) {
        this.clientProperties = clientProperties;
        this.topic = topic;
        this.grace = grace;
        this.progress = progress;
    }

    /** Reads the rows that can belong to the period from {@code from} to {@code to} into {@code into}. */
    public void read(Instant from, Instant to, Consumer<String> into) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "wordstream-report");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        // Fetched bytes are held on the heap next to the aggregate: a few MB at a time is plenty.
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(8 << 20));
        String bootstrap = clientProperties.getProperty("bootstrap.servers");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new UserError("topic '" + topic + "' does not exist on Kafka at " + bootstrap
                        + "; check --results-topic and --bootstrap-server");
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> since = new HashMap<>();
            partitions.forEach(tp -> since.put(tp, from.minus(CLOCK_SKEW).toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(since);
            Set<TopicPartition> open = new HashSet<>();
            long total = 0;
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp at = start.get(tp);
                long first = at == null ? end.get(tp) : at.offset();
                consumer.seek(tp, first);
                if (first < end.get(tp)) {
                    open.add(tp);
                    total += end.get(tp) - first;
                }
            }
            consumer.pause(partitions.stream().filter(tp -> !open.contains(tp)).toList());
            long stopAfter = to.plus(grace).toEpochMilli();
            long read = 0;
            long nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
            while (!open.isEmpty()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (!open.contains(tp)) {
                        continue;
                    }
                    if (r.offset() >= end.get(tp) || r.timestamp() > stopAfter) {
                        close(consumer, open, tp);
                        continue;
                    }
                    into.accept(r.value());
                    read++;
                    if (r.offset() + 1 >= end.get(tp)) {
                        close(consumer, open, tp);
                    }
                }
                // Offsets may have gaps (compaction, transaction markers): the position says when the end is reached.
                for (TopicPartition tp : List.copyOf(open)) {
                    if (consumer.position(tp) >= end.get(tp)) {
                        close(consumer, open, tp);
                    }
                }
                if (System.nanoTime() > nextReport) {
                    nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
                    progress.accept(String.format(Locale.ROOT, "read %,d of at most %,d rows of %s (%d%%)", read,
                            total, topic, total == 0 ? 100 : read * 100 / total));
                }
            }
        } catch (KafkaException e) {
            throw new PipelineFailure("cannot read topic '" + topic + "' on Kafka at " + bootstrap + ": "
                    + e.getMessage());
        }
    }

    private static void close(KafkaConsumer<String, String> consumer, Set<TopicPartition> open, TopicPartition tp) {
        open.remove(tp);
        consumer.pause(List.of(tp));
    }
}
