package io.wordstream.bench;

import io.wordstream.bench.curve.BacklogTrend;
import io.wordstream.bench.curve.BatchProfile;
import io.wordstream.bench.curve.RateStep;
import io.wordstream.bench.measure.Latency;
import io.wordstream.bench.measure.Probes;
import io.wordstream.bench.measure.ResultTotals;
import io.wordstream.bench.measure.SentLedger;
import io.wordstream.bench.subject.BatchDurations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sentences at a steady rate against one system, on a schedule fixed before the first send (open loop): a probe's
 * latency counts from the time it was due, so a sender that stalls, or a system that pushes back, shows in the
 * latency instead of hiding in a later send (coordinated omission).
 */
final class SteadyLoad {
    private static final Duration PROBE_GRACE = Duration.ofSeconds(30);
    private static final long SAMPLE_MILLIS = 200;
    /** At most this many probes a second: each is a new key in the systems' state. */
    private static final int MAX_PROBES_PER_SECOND = 100;

    private final Plan plan;
    private final SentenceLoad load;
    private final SentencePool pool;
    private final SentLedger ledger;
    private final ResultTotals totals;
    private final Probes probes;
    private final ProbeNames names;
    private final Optional<BatchDurations> batches;

    SteadyLoad(Plan plan, SentenceLoad load, SentencePool pool, SentLedger ledger, ResultTotals totals, Probes probes,
               ProbeNames names, Optional<BatchDurations> batches) {
        this.plan = plan;
        this.load = load;
        this.pool = pool;
        this.ledger = ledger;
        this.totals = totals;
        this.probes = probes;
        this.names = names;
        this.batches = batches;
    }

    /** Load at {@code rate} that is not measured: what the first seconds of a JVM do is start-up, not latency. */
    void warmUp(int rate, Duration time) throws InterruptedException {
        send(rate, time);
        probes.awaitAll(PROBE_GRACE);
        probes.drain();
    }

    /** One point of the curve: sends for {@code time}, then waits for the probes and for the system to catch up. */
    RateStep step(int rate, Duration time) throws InterruptedException {
        List<BacklogTrend.Sample> samples = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-backlog");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        ScheduledFuture<?> sampling = sampler.scheduleAtFixedRate(() -> samples.add(new BacklogTrend.Sample(
                (System.nanoTime() - start) / 1e9, ledger.totals().words() - totals.totals().words())),
                SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        long sent;
        batches.ifPresent(BatchDurations::drain);
        try {
            sent = send(rate, time);
        } finally {
            sampling.cancel(false);
            sampler.shutdownNow();
        }
        long backlogWords = ledger.totals().words() - totals.totals().words();
        double seconds = Math.max(time.toNanos(), System.nanoTime() - start) / 1e9;
        int lost = probes.awaitAll(PROBE_GRACE);
        Latency latency = Latency.ofNanos(probes.drain());
        boolean caughtUp = totals.awaitTotals(ledger.totals(), plan.timeout()).isPresent();
        List<BacklogTrend.Sample> taken;
        synchronized (samples) {
            taken = List.copyOf(samples);
        }
        BatchProfile profile = batches.map(b -> BatchProfile.of(b.drain())).orElse(BatchProfile.EMPTY);
        return new RateStep(rate, sent / seconds, rate * pool.wordsPerSentence(), latency, lost,
                BacklogTrend.slope(taken), caughtUp, backlogWords, profile);
    }

    /** Sends {@code rate * time} sentences, each at its scheduled time or, when late, at once; returns how many. */
    private long send(int rate, Duration time) {
        long count = Math.max(1, Math.round(rate * (time.toNanos() / 1e9)));
        int probeEvery = Math.max(plan.probeEvery(), rate / MAX_PROBES_PER_SECOND);
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            pool.advance();
            if (i % probeEvery == 0) {
                String probe = names.next();
                String withProbe = pool.text() + " " + probe;
                ledger.add(withProbe);
                probes.sent(probe, due);
                load.send(withProbe);
            } else {
                ledger.add(pool.entries());
                load.send(pool.payload());
            }
        }
        return count;
    }
}
