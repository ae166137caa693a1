package io.wordstream.console.kafka;

import io.wordstream.console.kafka.BrokerChange.Broker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells, at each {@link #check}, which brokers of an external Kafka cluster stopped or started answering, against
 * the brokers first seen, and, told of the job's batches, when counting resumed after a loss ({@link BrokerChange}).
 * A broker counts as answering when the cluster lists it and it answers a request of its own: Kafka keeps listing
 * a killed broker until its session times out (9 s by default), so the listing alone would name it late.
 */
public final class BrokerWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerWatch.class);
    /** How often a broker still down is mentioned again. */
    static final Duration REMIND_EVERY = Duration.ofSeconds(10);
    /** A check's patience: the console checks every two seconds, so each check ends within that. */
    private static final Duration ANSWER_WITHIN = Duration.ofMillis(1500);

    private final Admin admin;
    private final BrokerPresence presence = new BrokerPresence(REMIND_EVERY);
    private final Clock clock;
    private ScheduledExecutorService checks;
    private String lastCheck = "none yet";

    public BrokerWatch(Properties clientProperties) {
        this(clientProperties, Clock.systemUTC());
    }

    BrokerWatch(Properties clientProperties, Clock clock) {
        // A check is over within ANSWER_WITHIN; a request that outlived it would only pile up behind the next one.
        this.admin = KafkaClients.admin(clientProperties, "wordstream-broker-watch", ANSWER_WITHIN,
                ANSWER_WITHIN.multipliedBy(2));
        this.clock = clock;
    }

    /**
     * Asks the cluster which brokers it has, and each of them and each broker seen before for an answer.
     *
     * @return what changed since the last check; nothing when no broker answers at all (Kafka as a whole is away,
     *         which the caller's own reachability check says)
     */
    public synchronized List<BrokerChange> check() {
        Map<Integer, Broker> ask = new TreeMap<>();
        presence.known().forEach(b -> ask.put(b.id(), b));
        List<Broker> listedBrokers = new ArrayList<>();
        String listing;
        try {
            Collection<Node> listed = admin.describeCluster(
                            new DescribeClusterOptions().timeoutMs((int) ANSWER_WITHIN.toMillis()))
                    .nodes().get(ANSWER_WITHIN.toMillis() + 500, TimeUnit.MILLISECONDS);
            listed.forEach(n -> listedBrokers.add(new Broker(n.id(), n.host() + ":" + n.port())));
            listedBrokers.forEach(b -> ask.put(b.id(), b));
            listing = "listed " + listed.stream().map(Node::id).toList();
        } catch (ExecutionException | TimeoutException e) {
            // The listing comes from whichever broker the client picks; the brokers seen before are still asked
            // one by one, so a listing that fails (a stale or slow node picked) does not blind the watch.
            listing = "listing failed (" + (e.getCause() == null ? e : e.getCause()) + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        Map<Broker, KafkaFuture<?>> asked = new LinkedHashMap<>();
        DescribeConfigsOptions options = new DescribeConfigsOptions().timeoutMs((int) ANSWER_WITHIN.toMillis());
        for (Broker b : ask.values()) {
            // A broker's own configs are asked of that broker itself: only it can answer.
            ConfigResource self = new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(b.id()));
            asked.put(b, admin.describeConfigs(List.of(self), options).all());
        }
        List<Broker> answering = new ArrayList<>();
        asked.forEach((broker, answer) -> {
            if (answered(answer)) {
                answering.add(broker);
            }
        });
        lastCheck = clock.instant() + ": " + listing + ", answering " + answering.stream().map(Broker::id).toList();
        LOG.debug("broker check {}", lastCheck);
        if (answering.isEmpty()) {
            return List.of();
        }
        return presence.observe(listedBrokers, answering, clock.instant());
    }

    /** Every broker the watch has seen listed or answering: the cluster it watches. */
    public synchronized List<Broker> known() {
        return presence.known();
    }

    /** What the last check saw (when, the listing, who answered), for a failure message or a debug log. */
    public synchronized String lastCheck() {
        return lastCheck;
    }

    /** An answer, even a refusal (no permission to describe configs), shows the broker is there. */
    private static boolean answered(KafkaFuture<?> answer) {
        try {
            answer.get(ANSWER_WITHIN.toMillis() + 500, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return e.getCause() instanceof ApiException && !(e.getCause() instanceof RetriableException);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Checks every {@code every} on a thread of its own until closed, handing each change to {@code sink}: a check
     * may take seconds while a broker is away, which a caller's own loop should not wait for.
     */
    public synchronized BrokerWatch checkEvery(Duration every, Consumer<BrokerChange> sink) {
        checks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "broker-watch");
            t.setDaemon(true);
            return t;
        });
        // Stopped by shutting the executor down; each check catches its own failures.
        var unused = checks.scheduleWithFixedDelay(() -> {
            try {
                check().forEach(sink);
            } catch (RuntimeException e) {
                // A failed check must not end the watch: an executor runs no more of a task that threw.
                LOG.warn("a check of Kafka's brokers failed: {}", e.toString());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The job completed the micro-batch it started at {@code batchStart}; says whether counting resumed. */
    public synchronized List<BrokerChange> batchCompleted(Instant batchStart) {
        return presence.batchCompleted(batchStart, clock.instant());
    }

    /** The brokers down at the last check. */
    public synchronized List<Broker> down() {
        return presence.down();
    }

    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = checks;
        }
        if (running != null) {
            running.shutdownNow();
        }
        admin.close(Duration.ofSeconds(2));
    }
}
