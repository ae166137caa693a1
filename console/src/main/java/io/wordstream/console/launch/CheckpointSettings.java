package io.wordstream.console.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordstream.common.Durations;
import io.wordstream.common.JobConfig;
import io.wordstream.common.PipelineSettings;
import io.wordstream.common.TokenizerMode;
import io.wordstream.console.settings.Settings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The settings a checkpoint's counts were made with, kept beside it. Spark restores a checkpoint under new settings
 * without a word: a changed window would mix windows of two sizes in one chart, changed letters would count half a
 * window by the old rules, and a changed {@code spark.sql.shuffle.partitions} is silently ignored; other topics
 * make the job stop with Spark's "are gone. Some data may have been missed". Comparing the two lets the console say
 * so and name the choice instead.
 */
public final class CheckpointSettings {
    /** The file's name in the data directory. */
    public static final String FILE = "checkpoint-settings.properties";
    static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
    private static final String CONF_PARTITIONS = "--conf " + SHUFFLE_PARTITIONS;
    private static final String TOPICS = "--topics";
    private static final ObjectMapper JSON = new ObjectMapper();
    // The offset log's second line holds the session settings Spark restores, as JSON.
    private static final Pattern PARTITIONS_IN_LOG =
            Pattern.compile("\"" + Pattern.quote(SHUFFLE_PARTITIONS) + "\"\\s*:\\s*\"(\\d+)\"");

    // Option name to value, in the order the message names them; the option names are the ones the operator types.
    private final Map<String, String> values;

    private CheckpointSettings(Map<String, String> values) {
        this.values = values;
    }

    /** What a job started with these settings counts by. */
    public static CheckpointSettings of(Settings settings) {
        PipelineSettings p = settings.pipeline();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("--window", Durations.format(p.window()));
        v.put("--slide", Durations.format(p.slide()));
        v.put("--watermark", Durations.format(p.watermark()));
        // As the job uses them: a set, upper-cased unless the seed tokenizer keeps case.
        boolean keepsCase = p.tokenizer() == TokenizerMode.SEED;
        v.put("--letters", p.letters().stream().map(l -> keepsCase ? l : l.toUpperCase(Locale.ROOT)).distinct()
                .sorted().collect(Collectors.joining(",")));
        v.put("--lengths", p.lengths().stream().distinct().sorted().map(String::valueOf)
                .collect(Collectors.joining(",")));
        v.put("--tokenizer", p.tokenizer().cliName());
        v.put("--text-field", p.textField());
        if (settings.source() == JobConfig.Source.KAFKA) {
            // Spark's Kafka source takes partitions missing from its checkpoint's offsets for data lost, and stops.
            v.put(TOPICS, settings.inputTopics().stream().distinct().sorted().collect(Collectors.joining(",")));
        }
        String partitions = settings.sparkConf().get(SHUFFLE_PARTITIONS);
        if (partitions != null) {
            v.put(CONF_PARTITIONS, partitions.trim());
        }
        return new CheckpointSettings(v);
    }

    /**
     * What the checkpoint in {@code checkpointDir} was made with: the settings a job recorded in {@code dataDir},
     * the shuffle-partition count from the checkpoint's own newest offset log entry, and the topics from that of its
     * newest committed batch. Empty when there is no checkpoint yet.
     */
    public static Optional<CheckpointSettings> recorded(Path dataDir, Path checkpointDir) {
        if (!Files.isDirectory(checkpointDir.resolve("offsets"))) {
            return Optional.empty();
        }
        Map<String, String> v = new LinkedHashMap<>();
        Path file = dataDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            p.stringPropertyNames().forEach(k -> v.put(k, p.getProperty(k)));
        }
        shufflePartitions(checkpointDir).ifPresent(n -> v.put(CONF_PARTITIONS, n));
        topicsRead(checkpointDir).ifPresent(t -> v.put(TOPICS, t));
        return Optional.of(new CheckpointSettings(v));
    }

    /** The shuffle-partition count in the newest offset log entry: Spark keeps using it whatever is configured. */
    static Optional<String> shufflePartitions(Path checkpointDir) {
        return newestOffsets(checkpointDir).flatMap(entry -> {
            Matcher m = PARTITIONS_IN_LOG.matcher(entry);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        });
    }

    /**
     * The topics of the newest committed batch (the third line of its offset log entry, the Kafka source's offsets
     * as {@code {"topic": {"partition": offset}}}), sorted and joined by commas; empty before a first commit and for
     * any other source. Not the newest entry: a run that failed on other topics has planned one there.
     */
    static Optional<String> topicsRead(Path checkpointDir) {
        return newestCommittedOffsets(checkpointDir).flatMap(entry -> {
            List<String> lines = entry.lines().toList();
            if (lines.size() < 3) {
                return Optional.empty();
            }
            try {
                JsonNode offsets = JSON.readTree(lines.get(2));
                List<String> topics = new ArrayList<>();
                for (var it = offsets.fields(); it.hasNext(); ) {
                    var topic = it.next();
                    if (!topic.getValue().isObject()) {
                        return Optional.empty();
                    }
                    topics.add(topic.getKey());
                }
                return topics.isEmpty() ? Optional.empty()
                        : Optional.of(topics.stream().sorted().collect(Collectors.joining(",")));
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<String> newestOffsets(Path checkpointDir) {
        return newestEntry(checkpointDir.resolve("offsets")).map(n -> read(checkpointDir.resolve("offsets"), n));
    }

    private static Optional<String> newestCommittedOffsets(Path checkpointDir) {
        Path offsets = checkpointDir.resolve("offsets");
        return newestEntry(checkpointDir.resolve("commits")).filter(n -> Files.isRegularFile(offsets.resolve(n)))
                .map(n -> read(offsets, n));
    }

    /** The name of a Spark metadata log's newest entry (entries are named by their batch number). */
    private static Optional<String> newestEntry(Path log) {
        if (!Files.isDirectory(log)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(log)) {
            return entries.map(f -> f.getFileName().toString()).filter(n -> n.matches("\\d+"))
                    .max(Comparator.comparingLong(Long::parseLong));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint's log " + log, e);
        }
    }

    private static String read(Path log, String entry) {
        try {
            return Files.readString(log.resolve(entry));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint's log entry " + log.resolve(entry), e);
        }
    }

    /** More topics than the checkpoint's are fine: Spark reads the partitions it has no offsets for from the start. */
    private static boolean addsTopics(String option, String recorded, String wanted) {
        return option.equals(TOPICS) && List.of(wanted.split(",")).containsAll(List.of(recorded.split(",")));
    }

    /** Records these settings in {@code dataDir}, replacing what was there in one step. */
    public void write(Path dataDir) {
        Properties p = new Properties();
        values.forEach((k, v) -> {
            if (!k.equals(CONF_PARTITIONS) && !k.equals(TOPICS)) {
                p.put(k, v);
            }
        });
        Path file = dataDir.resolve(FILE);
        Path temp = dataDir.resolve(FILE + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp)) {
                p.store(out, "the settings of the checkpoint in this directory; wordstream compares them on start");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * The first setting in which {@code wanted} differs from these recorded ones, as "--window 10s, not 20s".
     * Only settings known on both sides count: a checkpoint from before this record, or a run that names no
     * shuffle-partition count (Spark then keeps the checkpoint's), has nothing to compare.
     */
    public Optional<String> firstDifference(CheckpointSettings wanted) {
        for (Map.Entry<String, String> w : wanted.values.entrySet()) {
            String recorded = values.get(w.getKey());
            if (recorded != null && !w.getValue().equals(recorded) && !addsTopics(w.getKey(), recorded, w.getValue())) {
                return Optional.of(option(w.getKey(), recorded) + ", not " + w.getValue());
            }
        }
        return Optional.empty();
    }

    private static String option(String name, String value) {
        return name.equals(CONF_PARTITIONS) ? name + "=" + value : name + " " + value;
    }
}
