package io.wordstream.bench.subject;

import io.wordstream.bench.measure.ProcessMemory;
import io.wordstream.console.launch.ChildProcesses;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kafka Streams doing the same three windowed counts ({@link KafkaStreamsApp}), launched as a JVM of its own, as a
 * user runs a Kafka Streams application, with the processing guarantee asked for.
 */
public final class KafkaStreamsSubject implements Subject {
    /** Kafka Streams' processing guarantees, by the value of {@code processing.guarantee}. */
    public enum Guarantee {
        EXACTLY_ONCE_V2("exactly_once_v2", "Kafka Streams", "kstreams"),
        AT_LEAST_ONCE("at_least_once", "Kafka Streams (ALOS)", "kstreams-alos");

        private final String config;
        private final String label;
        private final String id;

        Guarantee(String config, String label, String id) {
            this.config = config;
            this.label = label;
            this.id = id;
        }

        public String config() {
            return config;
        }

        public String label() {
            return label;
        }
    }

    private final SharedBroker kafka;
    private final Path dir;
    private final Guarantee guarantee;
    private Process process;
    private ResultsReader reader;

    public KafkaStreamsSubject(SharedBroker kafka, Path dir, Guarantee guarantee) {
        this.kafka = kafka;
        this.dir = dir;
        this.guarantee = guarantee;
    }

    @Override
    public String name() {
        return guarantee.label();
    }

    private String inputTopic() {
        return guarantee.id + "-sentences";
    }

    private String results() {
        return guarantee.id + "-counts";
    }

    @Override
    public void prepare() {
        kafka.createTopics(inputTopic(), Optional.of(results()));
    }

    @Override
    public void start(ResultSink sink) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                KafkaStreamsApp.class.getName(), kafka.bootstrap(), guarantee.config(),
                "wordstream-bench-" + guarantee.id, dir.resolve("state").toString(), inputTopic(), results());
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kstreams.log").toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka Streams with " + java, e);
        }
        reader = new ResultsReader(kafka.properties(), results(), sink);
    }

    @Override
    public Optional<String> ended() {
        if (process == null || process.isAlive()) {
            return Optional.empty();
        }
        return Optional.of("Kafka Streams exited with status " + process.exitValue() + "; see "
                + dir.resolve("kstreams.log"));
    }

    @Override
    public Input input() {
        return new Input(kafka.properties(), inputTopic());
    }

    @Override
    public Map<String, Long> peakMemory() {
        Map<String, Long> m = new LinkedHashMap<>();
        if (process != null) {
            ProcessMemory.peakRssBytes(process.pid()).ifPresent(b -> m.put("app", b));
        }
        return m;
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
        if (process != null) {
            // SIGTERM: the application closes its streams (and commits) before it exits.
            ChildProcesses.stop(process.toHandle(), Duration.ofSeconds(40));
        }
    }
}
