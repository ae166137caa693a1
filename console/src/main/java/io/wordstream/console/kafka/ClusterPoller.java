package io.wordstream.console.kafka;

import io.wordstream.common.ExecutorStop;
import io.wordstream.console.model.KafkaSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the Kafka cluster with the admin client every {@link #PERIOD} on a thread of its own, for the cluster view:
 * the brokers and the controller, the input topics' partitions (leader, in-sync replicas, end offset) and the
 * results topic's size. A reading Kafka does not answer is handed on as such: the view shows the brokers down.
 */
public final class ClusterPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterPoller.class);
    /** How often Kafka is read. */
    public static final Duration PERIOD = Duration.ofSeconds(2);
    /** A reading's patience: each ends before the next is due. */
    private static final Duration ANSWER_WITHIN = Duration.ofMillis(1500);

    private final Admin admin;
    private final List<String> inputTopics;
    private final String resultsTopic;
    private final ScheduledExecutorService timer;

    private ClusterPoller(Properties clientProperties, List<String> inputTopics, String resultsTopic) {
        this.admin = KafkaClients.admin(clientProperties, "wordstream-cluster-view", ANSWER_WITHIN, ANSWER_WITHIN);
        this.inputTopics = List.copyOf(inputTopics);
        this.resultsTopic = resultsTopic;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-view-kafka");
            t.setDaemon(true);
            return t;
        });
    }

    /** A poller that reads only when {@link #read} is called. */
    public static ClusterPoller open(Properties clientProperties, List<String> inputTopics, String resultsTopic) {
        return new ClusterPoller(clientProperties, inputTopics, resultsTopic);
    }

    /** Starts reading; {@code sink} runs on the poller's thread (hand it to the UI thread from there). */
    public static ClusterPoller start(Properties clientProperties, List<String> inputTopics, String resultsTopic,
                                      Consumer<KafkaSnapshot> sink) {
        ClusterPoller poller = open(clientProperties, inputTopics, resultsTopic);
        // Stopped by shutting the executor down; each reading catches its own failures.
        var unused = poller.timer.scheduleWithFixedDelay(() -> {
            try {
                sink.accept(poller.read());
            } catch (RuntimeException e) {
                // An executor runs no more of a task that threw: the next reading must still come.
                LOG.warn("a reading of Kafka for the cluster view failed: {}", e.toString());
            }
        }, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return poller;
    }

    /** One reading of the cluster. */
    public KafkaSnapshot read() {
        try {
            DescribeClusterResult cluster = admin.describeCluster();
            List<KafkaSnapshot.Node> brokers = new ArrayList<>();
            for (Node n : get(cluster.nodes())) {
                brokers.add(new KafkaSnapshot.Node(n.id(), n.host() + ":" + n.port()));
            }
            Node controller = get(cluster.controller());
            Map<String, TopicDescription> input = get(admin.describeTopics(inputTopics).allTopicNames());
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            input.values().forEach(d -> d.partitions().forEach(
                    p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResultInfo> ends = get(admin.listOffsets(latest).all());
            List<KafkaSnapshot.Partition> partitions = new ArrayList<>();
            for (TopicDescription d : input.values()) {
                for (TopicPartitionInfo p : d.partitions()) {
                    partitions.add(new KafkaSnapshot.Partition(d.name(), p.partition(),
                            p.leader() == null || p.leader().isEmpty() ? -1 : p.leader().id(),
                            p.isr().stream().map(Node::id).toList(),
                            ends.get(new TopicPartition(d.name(), p.partition())).offset()));
                }
            }
            return new KafkaSnapshot(List.copyOf(brokers), controller == null ? -1 : controller.id(),
                    List.copyOf(partitions), resultsRecords(), "");
        } catch (ExecutionException e) {
            return KafkaSnapshot.unanswered(String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            return KafkaSnapshot.unanswered("Kafka did not answer within " + ANSWER_WITHIN.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KafkaSnapshot.unanswered("interrupted");
        }
    }

    /** The results topic's records: end minus start offsets, so what retention or compaction dropped is not. */
    private long resultsRecords() throws InterruptedException {
        try {
            TopicDescription d = get(admin.describeTopics(List.of(resultsTopic)).allTopicNames()).get(resultsTopic);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            d.partitions().forEach(p -> {
                earliest.put(new TopicPartition(resultsTopic, p.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(resultsTopic, p.partition()), OffsetSpec.latest());
            });
            Map<TopicPartition, ListOffsetsResultInfo> start = get(admin.listOffsets(earliest).all());
            Map<TopicPartition, ListOffsetsResultInfo> end = get(admin.listOffsets(latest).all());
            long sum = 0;
            for (TopicPartition tp : end.keySet()) {
                sum += end.get(tp).offset() - start.get(tp).offset();
            }
            return sum;
        } catch (ExecutionException | TimeoutException e) {
            // Not made yet, or gone: the view says unknown rather than zero.
            return -1;
        }
    }

    private static <T> T get(KafkaFuture<T> f)
            throws ExecutionException, TimeoutException, InterruptedException {
        return f.get(ANSWER_WITHIN.toMillis() + 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (!ExecutorStop.now(timer, Duration.ofSeconds(5))) {
            LOG.warn("the cluster view's Kafka poller did not stop within 5 s");
        }
        admin.close(Duration.ofSeconds(2));
    }
}
