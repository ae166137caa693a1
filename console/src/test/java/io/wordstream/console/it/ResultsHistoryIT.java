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
import io.wordstream.console.session.ResultsFollower;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import io.wordstream.testsupport.Poll;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
            Poll.until(Duration.ofSeconds(30), caughtUp::get, "the follower caught up");
            assertEquals(Set.of("kept0", "kept1", "kept2", "kept3", "kept4"), keys(read));
            try (KafkaProducer<String, String> p = producer()) {
                p.send(row(Instant.now(), now, "later", 3)).get();
            }
            Poll.until(Duration.ofSeconds(30), () -> keys(read).contains("later"),
                    "a row written after the start arrives");
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

    private static long readAllFromOffsetZero() {
        AtomicLong count = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        try (TopicFeed feed = TopicFeed.startBatches(KafkaClients.base(settings), settings.resultsTopic(),
                TopicFeed.From.BEGINNING, b -> {
                    count.addAndGet(b.values().size());
                    done.compareAndSet(false, b.caughtUp());
                })) {
            Poll.until(Duration.ofSeconds(30), done::get, "a read from offset 0 caught up");
        }
        return count.get();
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(KafkaClients.base(settings), new StringSerializer(), new StringSerializer());
    }

    /** A row as the job writes it, with the record's timestamp set to when it was {@code written}. */
    static ProducerRecord<String, String> row(Instant written, Instant windowStart, String word, long count) {
        String value = "{\"windowStart\":\"" + windowStart + "\",\"windowEnd\":\"" + windowStart.plusSeconds(10)
                + "\",\"dimension\":\"word\",\"key\":\"" + word + "\",\"count\":" + count + "}";
        return new ProducerRecord<>(settings.resultsTopic(), null, written.toEpochMilli(),
                windowStart + "|word|" + word, value);
    }

    private static Set<String> keys(List<ResultRow> rows) {
        Set<String> k = new TreeSet<>();
        rows.forEach(r -> k.add(r.key()));
        return k;
    }
}
