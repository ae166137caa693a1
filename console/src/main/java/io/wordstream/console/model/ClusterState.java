package io.wordstream.console.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.wordstream.console.model.MetricHistory.Metric;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What the console knows of the cluster under its pipeline: Kafka's brokers and the input partitions with their
 * lag, the results topic's size, the Spark master and workers, the job's executors and query, and the history of
 * the pipeline's figures. Fed by the pollers and the metrics topic; times are {@code System.nanoTime()} values
 * given by the caller. Not thread-safe: the UI thread owns it.
 */
public final class ClusterState {
    /** Where the job stands against its input. */
    public enum Trend { CAUGHT_UP, CATCHING_UP, FALLING_BEHIND, BEHIND }

    /** A broker seen since the console started; one that is gone from Kafka's answers is down. */
    public record Broker(int id, String address, boolean controller, boolean up) {
    }

    /**
     * An input partition.
     *
     * @param processed the offset the job has read up to, or -1 before its first batch
     * @param lag       records not yet read by the job, or -1 when unknown
     * @param rate      records per second into the partition
     */
    public record Partition(String topic, int partition, int leader, List<Integer> isr, long end, long processed,
                            long lag, double rate) {
    }

    /** An executor of the job (the driver included), as the job publishes it. */
    public record Executor(String id, String host, int cores, int activeTasks, int failedTasks, long memoryUsed,
                           long maxMemory, long gcTimeMs) {
    }

    /** The query's latest batch. */
    public record Query(long batchId, String trigger, long durationMs, double inputRate, double processedRate) {
    }

    private final Map<Integer, Broker> brokers = new TreeMap<>();
    private final Map<String, RateWindow> rates = new HashMap<>();
    private final Map<String, Long> processed = new HashMap<>();
    /** The lag at the last two Kafka readings, oldest first: their difference is the trend. */
    private final Deque<Long> lagReadings = new ArrayDeque<>();
    private final MetricHistory history = new MetricHistory();
    private KafkaSnapshot kafka;
    /** When the last Kafka reading came: the partitions' rates are as of then. */
    private long kafkaAt;
    private MasterSnapshot master;
    private List<Executor> executors = List.of();
    private Query query;
    private boolean secured;
    /** The hosts lost, fed from the same readings, on the wall clock the job's trigger times are comparable with. */
    private final HostOutages outages = new HostOutages();
    private final Clock clock;

    public ClusterState() {
        this(Clock.systemUTC());
    }

    /** @param clock the wall clock that times host losses */
    public ClusterState(Clock clock) {
        this.clock = clock;
    }

    /** A reading of Kafka at {@code now}. */
    public void kafka(KafkaSnapshot s, long now) {
        kafka = s;
        kafkaAt = now;
        Map<Integer, KafkaSnapshot.Node> listed = new TreeMap<>();
        s.brokers().forEach(n -> listed.put(n.id(), n));
        brokers.replaceAll((id, b) -> new Broker(id, b.address(), false, false));
        listed.forEach((id, n) -> brokers.put(id, new Broker(id, n.address(), id == s.controller(), true)));
        for (KafkaSnapshot.Partition p : s.partitions()) {
            rates.computeIfAbsent(key(p.topic(), p.partition()), k -> new RateWindow(RateWindow.DEFAULT_SPAN))
                    .total(p.end(), now);
        }
        lag().ifPresent(l -> {
            lagReadings.addLast(l);
            if (lagReadings.size() > 2) {
                lagReadings.removeFirst();
            }
        });
        if (s.answered()) {
            outages.brokers(brokers(), clock.instant());
        }
    }

    /**
     * The session's links are secured (--certs-dir): every broker it reaches speaks TLS and took its client
     * certificate, and every worker of a master that ran its job authenticated with the cluster's secret.
     */
    public void secured(boolean secured) {
        this.secured = secured;
    }

    public boolean secured() {
        return secured;
    }

    /** A reading of the Spark master's JSON. */
    public void master(MasterSnapshot s) {
        master = s;
        if (s.answered()) {
            outages.workers(s.workers(), clock.instant());
        }
    }

    /** A record of the job's metrics topic: progress carries the offsets read and the query, executors theirs. */
    public void jobEvent(JobEvent e) {
        outages.jobEvent(e, clock.instant());
        if (e.type().equals("progress")) {
            e.json().path("offsets").fields().forEachRemaining(topic -> topic.getValue().fields().forEachRemaining(
                    p -> processed.put(key(topic.getKey(), Integer.parseInt(p.getKey())), p.getValue().asLong())));
            query = new Query(e.metric("batchId"), e.json().path("trigger").asText(""), e.metric("batchDurationMs"),
                    e.rate("inputRowsPerSecond"), e.rate("processedRowsPerSecond"));
        } else if (e.type().equals("executors")) {
            List<Executor> out = new ArrayList<>();
            for (JsonNode x : e.json().path("executors")) {
                out.add(new Executor(x.path("id").asText("?"), x.path("host").asText("?"), x.path("cores").asInt(),
                        x.path("activeTasks").asInt(), x.path("failedTasks").asInt(), x.path("memoryUsed").asLong(),
                        x.path("maxMemory").asLong(), x.path("gcTimeMs").asLong()));
            }
            executors = List.copyOf(out);
        }
    }

    /** Keeps a history sample at {@code now} when one is due, with the rates and batch figures of {@code status}. */
    public void sample(PipelineStatus status, long now) {
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        v.put(Metric.INPUT_RATE, status.inputPerSecond(now).orElse(Double.NaN));
        v.put(Metric.PROCESSED_RATE, status.countedPerSecond(now));
        Optional<JobEvent> last = status.lastProgress();
        v.put(Metric.BATCH_MS, last.map(e -> (double) e.metric("batchDurationMs")).orElse(Double.NaN));
        v.put(Metric.STATE_ROWS, last.map(e -> (double) e.metric("stateRows")).orElse(Double.NaN));
        OptionalLong lag = lag();
        v.put(Metric.LAG, lag.isPresent() ? (double) lag.getAsLong() : Double.NaN);
        history.offer(now, v);
    }

    /** True once anything is known: before that the status area shows no cluster line. */
    public boolean known() {
        return kafka != null || master != null || !executors.isEmpty();
    }

    public List<Broker> brokers() {
        return List.copyOf(brokers.values());
    }

    /** The input partitions, by topic and partition, with what the job has read of each. */
    public List<Partition> partitions() {
        if (kafka == null) {
            return List.of();
        }
        List<Partition> out = new ArrayList<>();
        for (KafkaSnapshot.Partition p : kafka.partitions()) {
            String k = key(p.topic(), p.partition());
            Long done = processed.get(k);
            RateWindow r = rates.get(k);
            out.add(new Partition(p.topic(), p.partition(), p.leader(), p.isr(), p.end(), done == null ? -1 : done,
                    done == null ? -1 : Math.max(0, p.end() - done), r == null ? 0 : r.perSecond(kafkaAt)));
        }
        out.sort((a, b) -> a.topic().equals(b.topic()) ? Integer.compare(a.partition(), b.partition())
                : a.topic().compareTo(b.topic()));
        return out;
    }

    /** The records the job has not read yet, over every input partition; empty until both sides are known. */
    public OptionalLong lag() {
        if (kafka == null || !kafka.answered() || kafka.partitions().isEmpty()) {
            return OptionalLong.empty();
        }
        long sum = 0;
        for (KafkaSnapshot.Partition p : kafka.partitions()) {
            Long done = processed.get(key(p.topic(), p.partition()));
            if (done == null) {
                return OptionalLong.empty();
            }
            sum += Math.max(0, p.end() - done);
        }
        return OptionalLong.of(sum);
    }

    /** Whether the lag is zero, or grew, shrank or stayed between the last two Kafka readings. */
    public Trend trend() {
        OptionalLong lag = lag();
        if (lag.isEmpty() || lag.getAsLong() == 0) {
            return Trend.CAUGHT_UP;
        }
        long before = lagReadings.isEmpty() ? lag.getAsLong() : lagReadings.peekFirst();
        long last = lagReadings.isEmpty() ? lag.getAsLong() : lagReadings.peekLast();
        if (last > before) {
            return Trend.FALLING_BEHIND;
        }
        return last < before ? Trend.CATCHING_UP : Trend.BEHIND;
    }

    /** The records the results topic holds, or -1 when unknown. */
    public long resultsRecords() {
        return kafka == null ? -1 : kafka.resultsRecords();
    }

    /** Why Kafka did not answer the last reading, or empty. */
    public String kafkaError() {
        return kafka == null ? "" : kafka.error();
    }

    /** The last reading of the Spark master, if there is a standalone master. */
    public Optional<MasterSnapshot> master() {
        return Optional.ofNullable(master);
    }

    public List<Executor> executors() {
        return executors;
    }

    public Optional<Query> query() {
        return Optional.ofNullable(query);
    }

    public MetricHistory history() {
        return history;
    }

    /** The hosts lost, and what of them is back. */
    public HostOutages outages() {
        return outages;
    }

    /** Now, on the wall clock that times host losses: what their lines count from. */
    public Instant now() {
        return clock.instant();
    }

    private static String key(String topic, int partition) {
        return topic + "/" + partition;
    }
}
