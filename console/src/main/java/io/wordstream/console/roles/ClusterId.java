package io.wordstream.console.roles;

import io.wordstream.console.errors.UserError;
import io.wordstream.console.kafka.KafkaNodes;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/** A Kafka cluster id: new ones for {@code --new-cluster-id}, and the one a node's storage was formatted with. */
public final class ClusterId {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22}");

    private ClusterId() {
    }

    /** A new id; never one starting with '-', which command lines would take for an option. */
    public static String create() {
        String id = KafkaNodes.newClusterId();
        while (id.startsWith("-")) {
            id = KafkaNodes.newClusterId();
        }
        return id;
    }

    /** Fails unless {@code id} has the form of a Kafka cluster id (22 characters of URL-safe base64). */
    public static String requireValid(String id) {
        if (id == null || !FORM.matcher(id).matches()) {
            throw new IllegalArgumentException("--cluster-id must be a Kafka cluster id of 22 characters; make one"
                    + " with 'wordstream broker --new-cluster-id' and pass the same id to every node");
        }
        return id;
    }

    /** The id in the formatted storage under {@code kafkaDir}, if it has been formatted. */
    public static Optional<String> onDisk(Path kafkaDir) {
        Path meta = kafkaDir.resolve("data").resolve("meta.properties");
        if (!Files.exists(meta)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(meta)) {
            p.load(in);
        } catch (IOException e) {
            throw new UserError("cannot read " + meta + ": " + e.getMessage());
        }
        return Optional.ofNullable(p.getProperty("cluster.id"));
    }

    /** Fails with one line when the storage under {@code kafkaDir} belongs to another cluster than {@code id}. */
    public static void requireSameAsOnDisk(String id, Path kafkaDir) {
        onDisk(kafkaDir).filter(disk -> !disk.equals(id)).ifPresent(disk -> {
            throw new UserError("the Kafka storage in " + kafkaDir + " belongs to cluster " + disk + ", not "
                    + id + " (--cluster-id); pass --cluster-id " + disk + ", or another --data-dir for a new"
                    + " cluster");
        });
    }
}
