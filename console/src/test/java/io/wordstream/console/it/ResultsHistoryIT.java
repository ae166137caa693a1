package io.wordstream.console.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.common.JobConfig;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.ResultsHistory;
import io.wordstream.console.kafka.TopicAdmin;
import io.wordstream.console.kafka.TopicFeed;
import io.wordstream.console.kafka.TopicPlan;
import io.wordstream.console.launch.BrokerProcess;
import io.wordstream.console.model.ResultRow;
import io.wordstream.console.model.WindowCounts;
import io.wordstream.console.session.ResultsFollower;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results topic's bounded history on a real broker: a console reads only the windows it keeps, found by
 * timestamp, and an existing topic gets the bounded settings.
 */
class ResultsHistoryIT {
    @TempDir
    static Path dataDir;

    static Settings settings;
    static BrokerProcess broker;

    @BeforeAll
    static void broker() {
        // A month's retention: the broker keeps the old rows, so only the reader can be what skips them.
        settings = ItSettings.embedded(dataDir, JobConfig.Source.KAFKA, Optional.empty(), 0).toBuilder()
                .resultsRetention(Optional.of(Duration.ofDays(30))).build();
        broker = BrokerProcess.start(settings, Install.current());
        try (TopicAdmin admin = new TopicAdmin(KafkaClients.base(settings))) {
            broker.awaitReady(admin, Duration.ofSeconds(60));
            admin.ensureTopics(List.of(TopicPlan.of(settings, 1).get(settings.resultsTopic())));
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void rowsOlderThanTheConsoleKeepsAreNeverRead() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant oldest = ResultsHistory.oldestKept(settings.pipeline(), now);
        try (KafkaProducer<String, String> p = producer()) {
            List<Future<?>> acks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                // Written from a minute to a day before the oldest window the console keeps.
                Instant written = oldest.minus(Duration.ofMinutes(1 + 36L * i));
                acks.add(p.send(row(written, written, "old" + i, 1)));
            }
            for (int i = 0; i < 5; i++) {
                Instant written = now.minus(Duration.ofMinutes(10 * i));
                acks.add(p.send(row(written, written.truncatedTo(ChronoUnit.MINUTES), "kept" + i, 2)));
            }
            for (Future<?> a : acks) {
                a.get();
            }
        }
        assertEquals(45, readAllFromOffsetZero(), "the old rows are on the topic");

        List<ResultRow> read = new CopyOnWriteArrayList<>();
        AtomicBoolean caughtUp = new AtomicBoolean();
        try (ResultsFollower follower = new ResultsFollower((rows, done) -> {
            read.addAll(rows);
            caughtUp.compareAndSet(false, done);
        }, Clock.fixed(now, ZoneOffset.UTC))) {
            follower.start(settings);
            await(caughtUp::get, "the follower caught up");
            assertEquals(Set.of("kept0", "kept1", "kept2", "kept3", "kept4"), keys(read));
            try (KafkaProducer<String, String> p = producer()) {
                p.send(row(Instant.now(), now, "later", 3)).get();
            }
            await(() -> keys(read).contains("later"), "a row written after the start arrives");
            assertTrue(keys(read).stream().noneMatch(k -> k.startsWith("old")), "no old row read: " + keys(read));
        }
    }

    @Test
    void anExistingTopicGetsTheBoundedSettings() {
        try (TopicAdmin admin = new TopicAdmin(KafkaClients.base(settings))) {
            // As versions before bounded history made it: compacted only, kept forever.
            TopicPlan.Topic before = new TopicPlan.Topic("old-results", 1, (short) 1,
                    Map.of("cleanup.policy", "compact"));
            admin.ensureTopics(List.of(before));
            Settings hour = settings.toBuilder().resultsTopic("old-results")
                    .resultsRetention(Optional.of(Duration.ofHours(2))).build();
            TopicPlan.Topic planned = TopicPlan.of(hour, 1).get("old-results");
            assertEquals(List.of("cleanup.policy=compact,delete", "retention.ms=7200000", "segment.ms=1800000"),
                    admin.alignConfigs(planned));
            assertEquals(List.of(), admin.alignConfigs(planned), "the broker now holds the planned settings");
        }
    }

    /**
     * Not a check: the time to the first full model with 1,000,000 rows on the topic, read from offset 0 (before
     * bounded history) and by timestamp (after). Run with -Dwordstream.bench.history=true; figures in
     * docs/history.md.
     */
    @Test
    @EnabledIfSystemProperty(named = "wordstream.bench.history", matches = "true")
    void timeToFullModelWithAMillionRows() throws Exception {
        Settings bench = settings.toBuilder().resultsTopic("bench-results").build();
        try (TopicAdmin admin = new TopicAdmin(KafkaClients.base(settings))) {
            admin.ensureTopics(List.of(TopicPlan.of(bench, 1).get("bench-results")));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant oldest = ResultsHistory.oldestKept(bench.pipeline(), now);
        int total = 1_000_000;
        int recent = 3_600;
        long produceStart = System.nanoTime();
        try (KafkaProducer<String, String> p = producer()) {
            Future<?> last = null;
            long oldSpan = Duration.ofDays(29).toMillis();
            for (int i = 0; i < total - recent; i++) {
                // 29 days of older windows, ten words each, in write order.
                Instant written = oldest.minusMillis(oldSpan - oldSpan * i / (total - recent));
                last = p.send(row("bench-results", written, written.truncatedTo(ChronoUnit.SECONDS),
                        "w" + (i % 10), i % 97 + 1));
            }
            for (int i = 0; i < recent; i++) {
                Instant written = oldest.plusSeconds(1 + i);
                last = p.send(row("bench-results", written, written, "w" + (i % 10), i % 97 + 1));
            }
            last.get();
        }
        System.out.printf(Locale.ROOT, "bench-history: %d rows produced in %.1f s%n", total,
                (System.nanoTime() - produceStart) / 1e9);
        for (int round = 1; round <= 2; round++) {
            WindowCounts before = new WindowCounts(ResultsHistory.WINDOWS);
            long t0 = System.nanoTime();
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong read = new AtomicLong();
            try (TopicFeed feed = TopicFeed.startBatches(KafkaClients.base(bench), "bench-results",
                    TopicFeed.From.BEGINNING, b -> {
                        b.values().forEach(v -> ResultRow.parse(v).ifPresent(before::apply));
                        read.addAndGet(b.values().size());
                        done.compareAndSet(false, b.caughtUp());
                    })) {
                await(done::get, Duration.ofMinutes(10), "the read from offset 0 caught up");
            }
            double fromZero = (System.nanoTime() - t0) / 1e9;
            long rowsFromZero = read.get();
            WindowCounts after = new WindowCounts(ResultsHistory.WINDOWS);
            long t1 = System.nanoTime();
            AtomicBoolean caughtUp = new AtomicBoolean();
            AtomicLong readSince = new AtomicLong();
            try (ResultsFollower follower = new ResultsFollower((rows, d) -> {
                rows.forEach(after::apply);
                readSince.addAndGet(rows.size());
                caughtUp.compareAndSet(false, d);
            }, Clock.fixed(now, ZoneOffset.UTC))) {
                follower.start(bench);
                await(caughtUp::get, Duration.ofMinutes(10), "the follower caught up");
            }
            double byTime = (System.nanoTime() - t1) / 1e9;
            System.out.printf(Locale.ROOT, "bench-history round %d: from offset 0 %.2f s (%d rows, %d windows);"
                    + " by timestamp %.2f s (%d rows, %d windows)%n", round, fromZero, rowsFromZero, before.size(),
                    byTime, readSince.get(), after.size());
        }
    }

    private static long readAllFromOffsetZero() {
        AtomicLong count = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        try (TopicFeed feed = TopicFeed.startBatches(KafkaClients.base(settings), settings.resultsTopic(),
                TopicFeed.From.BEGINNING, b -> {
                    count.addAndGet(b.values().size());
                    done.compareAndSet(false, b.caughtUp());
                })) {
            await(done::get, "a read from offset 0 caught up");
        }
        return count.get();
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(KafkaClients.base(settings), new StringSerializer(), new StringSerializer());
    }

    /** A row as the job writes it, with the record's timestamp set to when it was {@code written}. */
    static ProducerRecord<String, String> row(Instant written, Instant windowStart, String word, long count) {
        return row(settings.resultsTopic(), written, windowStart, word, count);
    }

    static ProducerRecord<String, String> row(String topic, Instant written, Instant windowStart, String word,
                                              long count) {
        String value = "{\"windowStart\":\"" + windowStart + "\",\"windowEnd\":\"" + windowStart.plusSeconds(10)
                + "\",\"dimension\":\"word\",\"key\":\"" + word + "\",\"count\":" + count + "}";
        return new ProducerRecord<>(topic, null, written.toEpochMilli(),
                windowStart + "|word|" + word, value);
    }

    private static Set<String> keys(List<ResultRow> rows) {
        Set<String> k = new TreeSet<>();
        rows.forEach(r -> k.add(r.key()));
        return k;
    }

    static void await(BooleanSupplier condition, String what) {
        await(condition, Duration.ofSeconds(30), what);
    }

    static void await(BooleanSupplier condition, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }
}
