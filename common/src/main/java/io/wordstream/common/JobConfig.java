package io.wordstream.common;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything the Spark job needs to run, and the one place that turns it into program arguments and back, so the
 * console and the job can never disagree about the format.
 *
 * @param bootstrapServers Kafka bootstrap servers, {@code host:port[,host:port]}
 * @param inputTopics      topics the sentences are read from
 * @param resultsTopic     topic the counts are written to
 * @param metricsTopic     topic the job's progress is written to after every micro-batch
 * @param checkpoint       where Spark keeps offsets and state; a restart on the same path resumes
 * @param trigger          micro-batch interval; zero means "as soon as the previous batch is done"
 * @param stopFile         a file whose appearance asks the job to stop cleanly; empty for none
 * @param watchPid         a process whose end stops the job, so it never outlives its console; 0 for none
 * @param kafkaConfigFile  a Kafka client properties file applied to every Kafka client of the job; empty for none
 * @param source           where sentences come from: Kafka topics, or lines of a TCP socket
 * @param socket           {@code host:port} of the TCP server to read lines from, for the socket source
 * @param pipeline         what is counted and over which windows
 */
public record JobConfig(String bootstrapServers, List<String> inputTopics, String resultsTopic, String metricsTopic,
                        String checkpoint, Duration trigger, String stopFile, long watchPid, String kafkaConfigFile,
                        Source source, String socket, PipelineSettings pipeline) implements Serializable {

    /** Where the job reads sentences. */
    public enum Source {
        /** Records of the input topics; event time is the record's timestamp. Replayable, so exactly counted. */
        KAFKA,
        /**
         * Lines of a TCP server, as the original read {@code nc -lk 9999}; a line's time is when it arrived
         * (processing time). Not replayable: a restart starts afresh.
         */
        SOCKET;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Source fromCliName(String name) {
            for (Source s : values()) {
                if (s.cliName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("'" + name + "' is not a source (choose kafka or socket)");
        }
    }

    public static final String DEFAULT_INPUT_TOPIC = "sentences";
    public static final String DEFAULT_RESULTS_TOPIC = "wordcounts";
    public static final String DEFAULT_METRICS_TOPIC = "wordstream-metrics";

    public JobConfig {
        inputTopics = List.copyOf(inputTopics);
        stopFile = stopFile == null ? "" : stopFile;
        kafkaConfigFile = kafkaConfigFile == null ? "" : kafkaConfigFile;
        socket = socket == null ? "" : socket;
        if (source == Source.SOCKET) {
            HostPort.parse(socket, "--socket");
        }
        if (inputTopics.isEmpty()) {
            throw new IllegalArgumentException("--topics must name at least one input topic");
        }
        if (trigger.isNegative()) {
            throw new IllegalArgumentException("--trigger must not be negative");
        }
    }

    public Optional<String> stopFileIfAny() {
        return stopFile.isEmpty() ? Optional.empty() : Optional.of(stopFile);
    }

    public Optional<String> kafkaConfigFileIfAny() {
        return kafkaConfigFile.isEmpty() ? Optional.empty() : Optional.of(kafkaConfigFile);
    }

    /** The arguments that {@link #fromArgs} reads back into an equal config. */
    public List<String> toArgs() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("--bootstrap-server", bootstrapServers);
        a.put("--topics", String.join(",", inputTopics));
        a.put("--results-topic", resultsTopic);
        a.put("--metrics-topic", metricsTopic);
        a.put("--checkpoint", checkpoint);
        a.put("--trigger", Durations.format(trigger));
        a.put("--window", Durations.format(pipeline.window()));
        a.put("--slide", Durations.format(pipeline.slide()));
        a.put("--watermark", Durations.format(pipeline.watermark()));
        a.put("--letters", String.join(",", pipeline.letters()));
        a.put("--lengths", pipeline.lengths().stream().map(String::valueOf).collect(Collectors.joining(",")));
        a.put("--tokenizer", pipeline.tokenizer().cliName());
        a.put("--text-field", pipeline.textField());
        stopFileIfAny().ifPresent(f -> a.put("--stop-file", f));
        if (watchPid > 0) {
            a.put("--watch-pid", Long.toString(watchPid));
        }
        kafkaConfigFileIfAny().ifPresent(f -> a.put("--kafka-config", f));
        if (source == Source.SOCKET) {
            a.put("--source", source.cliName());
            a.put("--socket", socket);
        }
        List<String> args = new ArrayList<>();
        a.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        return args;
    }

    /**
     * Reads arguments written by {@link #toArgs}.
     *
     * @throws IllegalArgumentException naming the argument that is wrong
     */
    public static JobConfig fromArgs(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("arguments come in --name value pairs, got: " + Arrays.toString(args));
        }
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        PipelineSettings defaults = PipelineSettings.defaults();
        Duration window = Durations.parse(a.getOrDefault("--window", Durations.format(defaults.window())));
        PipelineSettings pipeline = new PipelineSettings(
                window,
                Durations.parse(a.getOrDefault("--slide", Durations.format(window))),
                Durations.parse(a.getOrDefault("--watermark", Durations.format(window))),
                a.containsKey("--letters") ? splitList(a.get("--letters")) : defaults.letters(),
                a.containsKey("--lengths") ? parseLengths(a.get("--lengths")) : defaults.lengths(),
                TokenizerMode.fromCliName(a.getOrDefault("--tokenizer", "default")),
                a.getOrDefault("--text-field", defaults.textField()));
        JobConfig config = new JobConfig(
                required(a, "--bootstrap-server"),
                splitList(a.getOrDefault("--topics", DEFAULT_INPUT_TOPIC)),
                a.getOrDefault("--results-topic", DEFAULT_RESULTS_TOPIC),
                a.getOrDefault("--metrics-topic", DEFAULT_METRICS_TOPIC),
                required(a, "--checkpoint"),
                Durations.parse(a.getOrDefault("--trigger", "0s")),
                a.get("--stop-file"),
                Long.parseLong(a.getOrDefault("--watch-pid", "0")),
                a.get("--kafka-config"),
                Source.fromCliName(a.getOrDefault("--source", "kafka")),
                a.get("--socket"),
                pipeline);
        Map<String, String> unknown = new LinkedHashMap<>(a);
        config.toArgsMap().keySet().forEach(unknown::remove);
        List.of("--stop-file", "--watch-pid", "--kafka-config", "--source", "--socket").forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown job argument " + unknown.keySet().iterator().next());
        }
        return config;
    }

    private Map<String, String> toArgsMap() {
        List<String> args = toArgs();
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            m.put(args.get(i), args.get(i + 1));
        }
        return m;
    }

    /** Splits a comma-separated list, trimming items and dropping empty ones. */
    public static List<String> splitList(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Reads a comma-separated list of word lengths. */
    public static List<Integer> parseLengths(String text) {
        List<Integer> lengths = new ArrayList<>();
        for (String item : splitList(text)) {
            try {
                lengths.add(Integer.parseInt(item));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--lengths takes whole numbers separated by commas, got '"
                        + item + "'");
            }
        }
        return lengths;
    }

    private static String required(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing job argument " + name);
        }
        return v;
    }
}
