package io.wordstream.console.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the Kafka of the pipeline last started on a data dir answers, recorded by 'run' and the console so that
 * 'send' and 'watch' on the same data dir find it without repeating --broker-port or --bootstrap-server.
 */
public final class RecordedKafka {
    static final String FILE = "kafka-address.properties";
    private static final String KEY = "bootstrap.servers";

    private RecordedKafka() {
    }

    /** Records {@code bootstrap} in {@code dataDir}; a failure to write only costs the convenience. */
    public static void write(Path dataDir, String bootstrap) {
        Properties p = new Properties();
        p.setProperty(KEY, bootstrap);
        try (Writer out = Files.newBufferedWriter(dataDir.resolve(FILE))) {
            p.store(out, "Written by 'wordstream run' and the console: where this data dir's Kafka answers");
        } catch (IOException e) {
            // 'send' and 'watch' then fall back to their defaults, and say which address they tried.
        }
    }

    /** The address recorded in {@code dataDir}, if any. */
    public static Optional<String> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(p.getProperty(KEY)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
