package io.wordstream.bench.failover;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * What a drill asks of a Kafka cluster's brokers, whoever runs them: are they all registered, create a topic with a
 * replica on every broker, are every replica in sync again, which broker leads each partition. A wait that fails
 * says which part of the cluster exited, if one did, and the last lines of its logs.
 */
public final class KafkaTopics {
    private final String bootstrap;
    private final int brokers;
    private final Supplier<String> exited;
    private final Supplier<String> logTails;

    /**
     * @param bootstrap every broker's client address, comma-separated
     * @param brokers   how many brokers the cluster has
     * @param exited    a part of the cluster that should run but exited, described, or null
     * @param logTails  the last lines of the cluster's logs, for a timeout message
     */
    public KafkaTopics(String bootstrap, int brokers, Supplier<String> exited, Supplier<String> logTails) {
        this.bootstrap = bootstrap;
        this.brokers = brokers;
        this.exited = exited;
        this.logTails = logTails;
    }

    /** An admin client of the cluster; the caller closes it. */
    public Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        return Admin.create(p);
    }

    /** Waits until every broker is registered and unfenced. */
    public void awaitBrokers(Duration timeout) {
        try (Admin admin = admin()) {
            awaitTrue(timeout, "node(s) of " + brokers + " to register",
                    () -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == brokers);
        }
    }

    /** Creates a topic with a replica on every broker and {@code min.insync.replicas} 2. */
    public void create(String name, int partitions, Map<String, String> configs) {
        Map<String, String> all = new LinkedHashMap<>(configs);
        all.put("min.insync.replicas", "2");
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) brokers).configs(all)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits until every partition of {@code topics} has all its replicas in sync again (after a broker came back). */
    public void awaitFullIsr(Collection<String> topics, Duration timeout) {
        try (Admin admin = admin()) {
            awaitTrue(timeout, "every replica of " + topics + " to be in sync", () -> {
                Map<String, TopicDescription> d = admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
                return d.values().stream().flatMap(t -> t.partitions().stream()).allMatch(KafkaTopics::fullyInSync);
            });
        }
    }

    /** The leader of each partition of {@code topic}, by partition number; -1 for a partition without one. */
    public Map<Integer, Integer> leaders(String topic) {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().stream()
                    .collect(Collectors.toMap(TopicPartitionInfo::partition,
                            p -> p.leader() == null ? -1 : p.leader().id()));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe topic " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static boolean fullyInSync(TopicPartitionInfo p) {
        return p.leader() != null && p.isr().size() == p.replicas().size();
    }

    /** A question to Kafka that may fail while the cluster settles: a failure counts as "not yet". */
    interface Check {
        boolean holds() throws Exception;
    }

    private void awaitTrue(Duration timeout, String what, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (true) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            } catch (Exception e) {
                last = "; last error: " + e;
            }
            String failed = exited.get();
            if (failed != null) {
                throw new IllegalStateException("while waiting for " + what + ": " + failed);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + last + logTails.get());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
