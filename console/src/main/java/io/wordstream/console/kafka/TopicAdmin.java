package io.wordstream.console.kafka;

import io.wordstream.common.KafkaTimeouts;
import io.wordstream.console.errors.UserError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/** Asks Kafka whether it is there and makes sure the pipeline's topics exist. */
public final class TopicAdmin implements AutoCloseable {
    private final Admin admin;
    private final String bootstrap;

    public TopicAdmin(Properties clientProperties) {
        this.bootstrap = clientProperties.getProperty("bootstrap.servers");
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "wordstream-admin");
        p.putAll(KafkaTimeouts.consoleAdmin(KafkaClients.strings(p)));
        // A broker starting beside us answers within seconds; the default backoff between connection attempts
        // (growing to 1 s) would notice it up to a second late.
        p.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "100");
        try {
            this.admin = Admin.create(p);
        } catch (KafkaException e) {
            throw new UserError("cannot use Kafka at '" + bootstrap + "': " + rootMessage(e)
                    + "; give --bootstrap-server as HOST:PORT");
        }
    }

    /** True when a broker answered within {@code timeout}. */
    public boolean reachable(Duration timeout) {
        try {
            // The request's own timeout too: otherwise each unanswered call would linger for the API timeout.
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis())).nodes()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Fails with a message naming the address, where it came from and the way out when no broker answers within
     * {@code timeout}.
     */
    public void requireReachable(Duration timeout, String origin, String wayOut) {
        if (!reachable(timeout)) {
            throw new UserError("cannot reach Kafka at " + bootstrap + " (" + origin + ") within "
                    + timeout.toSeconds() + " s; " + wayOut);
        }
    }

    /** True when {@code topic} exists; false also when Kafka does not list its topics in time. */
    public boolean topicExists(String topic) {
        try {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Fails with a message naming the way out when {@code topic} does not exist. */
    public void requireTopic(String topic) {
        try {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                throw new UserError("topic '" + topic + "' does not exist on Kafka at " + bootstrap + "; start the"
                        + " pipeline with 'wordstream run' first, or check the topic options");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new UserError("cannot list the topics of Kafka at " + bootstrap + ": " + rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while listing topics");
        }
    }

    /** The number of brokers in the cluster, as the controller reports it. */
    public int brokerCount() {
        try {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
        } catch (ExecutionException | TimeoutException e) {
            throw new UserError("cannot describe the Kafka cluster at " + bootstrap + ": " + rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while describing the Kafka cluster");
        }
    }

    /**
     * Creates the topics that do not exist yet; existing ones are left as they are.
     *
     * @return the names of the topics it created
     */
    public List<String> ensureTopics(Collection<TopicPlan.Topic> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<String> created = new ArrayList<>();
            for (TopicPlan.Topic t : topics) {
                if (existing.contains(t.name())) {
                    continue;
                }
                NewTopic topic = new NewTopic(t.name(), Optional.of(t.partitions()), Optional.of(t.replication()))
                        .configs(t.configs());
                try {
                    admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
                    created.add(t.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return created;
        } catch (ExecutionException | TimeoutException e) {
            throw new UserError("cannot create the topics on Kafka at " + bootstrap + ": " + rootMessage(e)
                    + "; create them yourself or check the client's permissions");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while creating topics");
        }
    }

    /**
     * Sets {@code topic}'s settings to those of the plan where they differ, on a topic that already exists.
     *
     * @return the settings it changed, as {@code key=value}; empty when all were already so
     */
    public List<String> alignConfigs(TopicPlan.Topic topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        try {
            Config current = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
            List<AlterConfigOp> ops = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            topic.configs().forEach((k, v) -> {
                ConfigEntry e = current.get(k);
                if (e == null || !v.equals(e.value())) {
                    ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET));
                    changed.add(k + "=" + v);
                }
            });
            if (!ops.isEmpty()) {
                admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(10, TimeUnit.SECONDS);
            }
            return changed;
        } catch (ExecutionException | TimeoutException e) {
            throw new UserError("cannot update the settings of topic '" + topic.name() + "' on Kafka at " + bootstrap
                    + ": " + rootMessage(e) + "; set them yourself (" + topic.configs() + ") or check the client's"
                    + " permissions");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while updating topic '" + topic.name() + "'");
        }
    }

    /**
     * Deletes {@code topic} if it exists and returns once Kafka no longer lists it, so that it can be created anew.
     *
     * @return whether there was a topic to delete
     */
    public boolean deleteTopic(String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                return false;
            }
            admin.deleteTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
            // Deletion completes in the background: creating the name again before it is gone would fail.
            while (admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                if (System.nanoTime() > deadline) {
                    throw new UserError("Kafka at " + bootstrap + " still lists topic '" + topic + "' "
                            + timeout.toSeconds() + " s after deleting it; try again later");
                }
                Thread.sleep(100);
            }
            return true;
        } catch (ExecutionException | TimeoutException e) {
            throw new UserError("cannot delete topic '" + topic + "' on Kafka at " + bootstrap + ": "
                    + rootMessage(e) + "; delete it yourself or check the client's permissions");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while deleting topic '" + topic + "'");
        }
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null ? c.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
