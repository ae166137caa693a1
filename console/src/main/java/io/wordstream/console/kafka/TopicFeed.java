package io.wordstream.console.kafka;

import io.wordstream.common.KafkaTimeouts;
import io.wordstream.console.errors.UserError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of one topic on a thread of its own, without a consumer group (each console sees
 * everything), and hands each poll's records to a callback. Where to start is chosen before the thread starts,
 * so nothing published after {@link #start} returns can be missed.
 */
public final class TopicFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicFeed.class);
    /** Where a feed starts reading. */
    public enum From { BEGINNING, END }

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * The records of one poll.
     *
     * @param values    the values of what arrived, in partition order
     * @param caughtUp  true once everything the topic held when the feed started has been delivered
     * @param positions the offset of the next record to read, per partition number, after this poll
     */
    public record Batch(List<String> values, boolean caughtUp, Map<Integer, Long> positions) {
    }

    /** The records of one poll as Kafka gave them, and the positions after it. */
    private record Polled(List<ConsumerRecord<String, String>> records, boolean caughtUp,
                          Map<TopicPartition, Long> positions) {
        Batch batch() {
            Map<Integer, Long> at = new HashMap<>();
            positions.forEach((tp, offset) -> at.put(tp.partition(), offset));
            return new Batch(records.stream().map(ConsumerRecord::value).toList(), caughtUp, at);
        }
    }

    private final Map<TopicPartition, Long> endAtStart;
    private final boolean everyPoll;
    private boolean caughtUp;

    private TopicFeed(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> endAtStart,
                      Consumer<Polled> sink, String name, boolean everyPoll) {
        this.consumer = consumer;
        this.endAtStart = endAtStart;
        this.everyPoll = everyPoll;
        this.thread = new Thread(() -> loop(sink), name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts reading {@code topic}, handing over Kafka's own records: for readers outside the console (the
     * benchmarks); the console's own take {@link #startValues}. The callback runs on the feed's thread.
     */
    public static TopicFeed start(Properties clientProperties, String topic, From from,
                                  Consumer<List<ConsumerRecord<String, String>>> sink) {
        return start(clientProperties, topic, from, polled -> {
            if (!polled.records().isEmpty()) {
                sink.accept(polled.records());
            }
        }, false);
    }

    /** Starts reading {@code topic}, handing over the records' values; the callback runs on the feed's thread. */
    public static TopicFeed startValues(Properties clientProperties, String topic, From from,
                                        Consumer<List<String>> sink) {
        return startBatches(clientProperties, topic, from, batch -> {
            if (!batch.values().isEmpty()) {
                sink.accept(batch.values());
            }
        });
    }

    /**
     * Starts reading {@code topic} at the first record written at or after {@code since}: what a process started
     * before the feed wrote meanwhile is not missed. The callback runs on the feed's thread.
     */
    public static TopicFeed startSince(Properties clientProperties, String topic, Instant since,
                                       Consumer<List<String>> sink) {
        return open(clientProperties, topic, (consumer, partitions) -> seekTo(consumer, partitions, since), polled -> {
            if (!polled.records().isEmpty()) {
                sink.accept(polled.batch().values());
            }
        }, false);
    }

    /**
     * As {@link #startBatches}, from the first record of each partition written at or after {@code since}: older
     * records are never fetched, however many the topic holds.
     */
    public static TopicFeed startBatchesSince(Properties clientProperties, String topic, Instant since,
                                              Consumer<Batch> sink) {
        return open(clientProperties, topic, (consumer, partitions) -> seekTo(consumer, partitions, since),
                polled -> sink.accept(polled.batch()), false);
    }

    private static void seekTo(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
                               Instant since) {
        Map<TopicPartition, Long> at = new HashMap<>();
        partitions.forEach(tp -> at.put(tp, since.toEpochMilli()));
        List<TopicPartition> none = new ArrayList<>();
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(at);
        found.forEach((tp, first) -> {
            if (first == null) {
                none.add(tp);
            } else {
                consumer.seek(tp, first.offset());
            }
        });
        // No record at or after `since`: only what comes next is wanted. Not called with none: an empty list would
        // move every assigned partition to its end.
        if (!none.isEmpty()) {
            consumer.seekToEnd(none);
        }
    }

    /**
     * Starts reading {@code topic}, telling the callback when the history has been read; the callback runs on the
     * feed's thread, once for the first poll that catches up even when that poll brought nothing.
     */
    public static TopicFeed startBatches(Properties clientProperties, String topic, From from,
                                         Consumer<Batch> sink) {
        return start(clientProperties, topic, from, polled -> sink.accept(polled.batch()), false);
    }

    /**
     * Starts reading {@code topic}, calling back after every poll, also those that brought nothing (about five a
     * second), with the positions reached: for readers that wait until they have read up to given offsets.
     */
    public static TopicFeed startPolls(Properties clientProperties, String topic, From from, Consumer<Batch> sink) {
        return start(clientProperties, topic, from, polled -> sink.accept(polled.batch()), true);
    }

    private static TopicFeed start(Properties clientProperties, String topic, From from, Consumer<Polled> sink,
                                   boolean everyPoll) {
        return open(clientProperties, topic, (consumer, partitions) -> {
            if (from == From.BEGINNING) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
        }, sink, everyPoll);
    }

    private static TopicFeed open(Properties clientProperties, String topic,
                                  BiConsumer<KafkaConsumer<String, String>, List<TopicPartition>> position,
                                  Consumer<Polled> sink, boolean everyPoll) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "wordstream-" + topic);
        p.putAll(KafkaTimeouts.consoleConsumer(KafkaClients.strings(p)));
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = partitionsOf(consumer, topic, Duration.ofSeconds(10));
        if (partitions.isEmpty()) {
            consumer.close(Duration.ZERO);
            throw new UserError("topic '" + topic + "' does not exist on Kafka at "
                    + clientProperties.getProperty("bootstrap.servers") + "; start the pipeline with 'wordstream run'"
                    + " first, or check the topic options");
        }
        consumer.assign(partitions);
        position.accept(consumer, partitions);
        // Resolve the positions now, so "the end" means the end at start(), not when the thread first polls.
        partitions.forEach(consumer::position);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        TopicFeed feed = new TopicFeed(consumer, end, sink, "feed-" + topic, everyPoll);
        feed.thread.start();
        return feed;
    }

    /**
     * The topic's partitions; a topic created a moment ago may not be in the metadata yet, so an empty answer is
     * asked again until {@code wait} has passed.
     */
    private static List<TopicPartition> partitionsOf(KafkaConsumer<String, String> consumer, String topic,
                                                     Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, wait).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (!partitions.isEmpty() || System.nanoTime() > deadline) {
                return partitions;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return partitions;
            }
        }
    }

    private void loop(Consumer<Polled> sink) {
        try {
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                boolean justCaughtUp = !caughtUp && positionsReached();
                caughtUp |= justCaughtUp;
                if (!records.isEmpty() || justCaughtUp || everyPoll) {
                    List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
                    records.forEach(batch::add);
                    Map<TopicPartition, Long> positions = new HashMap<>();
                    consumer.assignment().forEach(tp -> positions.put(tp, consumer.position(tp)));
                    try {
                        sink.accept(new Polled(batch, caughtUp, positions));
                    } catch (RuntimeException e) {
                        // One bad callback must not stop the feed: the next records are still wanted.
                        LOG.warn("a {} record handler failed: {}", thread.getName(), e.toString(), e);
                    }
                }
            }
        } catch (WakeupException e) {
            // close() was called
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private boolean positionsReached() {
        for (Map.Entry<TopicPartition, Long> e : endAtStart.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
