package io.wordstream.console.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/** What the broker role asks of Kafka's own code: a new cluster id, and whether the cluster lists a node yet. */
public final class KafkaNodes {
    private KafkaNodes() {
    }

    /** A new random cluster id, as Kafka makes them: 22 characters of URL-safe base64. */
    public static String newClusterId() {
        return Uuid.randomUuid().toString();
    }

    /**
     * True once the cluster at {@code clientProperties} lists {@code nodeId} among its live brokers: the quorum has a
     * leader and took the node in. Asked again and again until it is, over one admin client, closed once it is.
     */
    public static BooleanSupplier listed(Properties clientProperties, int nodeId) {
        return new BooleanSupplier() {
            private Admin admin;

            @Override
            public boolean getAsBoolean() {
                if (admin == null) {
                    admin = Admin.create(clientProperties);
                }
                try {
                    boolean in = admin.describeCluster(new DescribeClusterOptions().timeoutMs(1000)).nodes()
                            .get(2, TimeUnit.SECONDS).stream().mapToInt(Node::id).anyMatch(id -> id == nodeId);
                    if (in) {
                        admin.close(Duration.ofSeconds(2));
                    }
                    return in;
                } catch (ExecutionException | TimeoutException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        };
    }
}
