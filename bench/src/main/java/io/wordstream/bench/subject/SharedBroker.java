package io.wordstream.bench.subject;

import io.wordstream.bench.measure.ProcessMemory;
import io.wordstream.console.kafka.TopicAdmin;
import io.wordstream.console.kafka.TopicPlan;
import io.wordstream.console.launch.BrokerProcess;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * The Kafka broker every system runs on: wordstream's own embedded broker (the class and settings {@code run} starts),
 * started by the benchmark before any system, each system on topics of its own. It is running before a system is
 * launched, so every system's start-up is measured the same way; its own start is measured once, here.
 */
public record SharedBroker(Install install, Settings brokerSettings, BrokerProcess broker, long startNanos)
        implements AutoCloseable {
    /** Starts the broker on a new data dir and waits until it answers. */
    public static SharedBroker start(Install install, Path dir, int port, Duration timeout) {
        Settings s = settings(dir, Optional.empty(), port, "peers-in", "peers-out", Settings.DEFAULT_DRIVER_MEMORY,
                Map.of());
        long launched = System.nanoTime();
        BrokerProcess broker = BrokerProcess.start(s, install);
        try (TopicAdmin admin = new TopicAdmin(clientProperties(s))) {
            broker.awaitReady(admin, timeout);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return new SharedBroker(install, s, broker, System.nanoTime() - launched);
    }

    /** From launching the broker's JVM to its first answer to an admin client. */
    public double startSeconds() {
        return startNanos / 1e9;
    }

    /** Traffic through the broker before any system runs on it, so that none meets it cold ({@link BrokerWarmUp}). */
    public BrokerWarmUp warmUp(Duration length) {
        createTopics(BrokerWarmUp.TOPIC, Optional.empty());
        return BrokerWarmUp.run(properties(), length);
    }

    public String bootstrap() {
        return brokerSettings.bootstrap();
    }

    /** Settings for a system of this broker: its own data dir and topics, wordstream's defaults otherwise. */
    public Settings settingsFor(Path dataDir, String input, String results, String driverMemory,
                                Map<String, String> sparkConf) {
        return settings(dataDir, Optional.of(brokerSettings.bootstrap()), brokerSettings.brokerPort(), input, results,
                driverMemory, sparkConf);
    }

    private static Settings settings(Path dataDir, Optional<String> bootstrap, int port, String input,
                                     String results, String driverMemory, Map<String, String> sparkConf) {
        return Settings.builder().dataDir(dataDir).bootstrapServers(bootstrap).brokerPort(port)
                .inputTopics(List.of(input)).resultsTopic(results).driverMemory(driverMemory).sparkConf(sparkConf)
                .build();
    }

    /** Creates a system's input topic (as many partitions as wordstream's) and its results topic, if any. */
    public void createTopics(String input, Optional<String> results) {
        Settings system = brokerSettings.toBuilder().inputTopics(List.of(input)).build();
        try (TopicAdmin admin = new TopicAdmin(properties())) {
            List<TopicPlan.Topic> topics = new ArrayList<>();
            topics.add(TopicPlan.of(system, admin.brokerCount()).get(input));
            // The peers' results are read as they come: no compaction, one partition, as wordstream's.
            results.ifPresent(r -> topics.add(new TopicPlan.Topic(r, 1, (short) 1, Map.of())));
            admin.ensureTopics(topics);
        }
    }

    public Properties properties() {
        return clientProperties(brokerSettings);
    }

    private static Properties clientProperties(Settings broker) {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrap());
        return p;
    }

    /** The broker's peak resident memory since the last {@link #resetPeakRss}, or since it started. */
    public OptionalLong peakRssBytes() {
        return ProcessMemory.peakRssBytes(broker.handle().pid());
    }

    /** Starts a new peak, so that the next system's is its own. */
    public void resetPeakRss() {
        ProcessMemory.resetPeak(broker.handle().pid());
    }

    @Override
    public void close() {
        broker.close();
    }
}
