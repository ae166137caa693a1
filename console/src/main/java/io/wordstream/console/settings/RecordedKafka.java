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
    /** Set when the pipeline's Kafka takes TLS with client certificates only (it ran with --certs-dir). */
    private static final String TLS = "wordstream.certs";

    private RecordedKafka() {
    }

    /** Records {@code bootstrap} in {@code dataDir}; a failure to write only costs the convenience. */
    public static void write(Path dataDir, String bootstrap) {
        write(dataDir, bootstrap, false);
    }

    /** As above, and whether that Kafka wants TLS with a client certificate ({@code --certs-dir}). */
    public static void write(Path dataDir, String bootstrap, boolean certs) {
        Properties p = new Properties();
        p.setProperty(KEY, bootstrap);
        if (certs) {
            p.setProperty(TLS, "true");
        }
        try (Writer out = Files.newBufferedWriter(dataDir.resolve(FILE))) {
            p.store(out, "Written by 'wordstream run' and the console: where this data dir's Kafka answers");
        } catch (IOException e) {
            // 'send' and 'watch' then fall back to their defaults, and say which address they tried.
        }
    }

    /** The address recorded in {@code dataDir}, if any. */
    public static Optional<String> read(Path dataDir) {
        return Optional.ofNullable(load(dataDir).getProperty(KEY)).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** True when the pipeline that recorded its Kafka in {@code dataDir} secured it with a certs dir. */
    public static boolean certs(Path dataDir) {
        return Boolean.parseBoolean(load(dataDir).getProperty(TLS, "false"));
    }

    private static Properties load(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Properties p = new Properties();
        if (!Files.isRegularFile(file)) {
            return p;
        }
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            return new Properties();
        }
        return p;
    }
}
