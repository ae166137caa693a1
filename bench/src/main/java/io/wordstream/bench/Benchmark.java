package io.wordstream.bench;

import io.wordstream.bench.corpus.Corpus;
import io.wordstream.bench.measure.DimensionTotals;
import io.wordstream.bench.measure.Percentiles;
import io.wordstream.bench.measure.Probes;
import io.wordstream.bench.measure.ResultTotals;
import io.wordstream.bench.measure.SentLedger;
import io.wordstream.bench.subject.Subject;
import io.wordstream.bench.subject.WordstreamSubject;
import io.wordstream.common.Dimension;
import io.wordstream.common.PipelineSettings;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/** Measures one system: start-up, latency at a steady rate, throughput of bursts, peak memory; then stops it. */
final class Benchmark {
    private static final Duration PROBE_GRACE = Duration.ofSeconds(30);

    private final Plan plan;
    private final PrintStream progress;

    Benchmark(Plan plan, PrintStream progress) {
        this.plan = plan;
        this.progress = progress;
    }

    SubjectResult measure(Subject subject) {
        Corpus corpus = plan.corpus();
        SentLedger ledger = new SentLedger(PipelineSettings.defaults());
        ResultTotals totals = new ResultTotals();
        Probes probes = new Probes();
        ProbeNames names = new ProbeNames();
        Optional<Double> ready = Optional.empty();
        Optional<Double> firstRow = Optional.empty();
        Percentiles.Summary latency = Percentiles.Summary.EMPTY;
        int lost = 0;
        List<Double> throughput = new ArrayList<>();
        Map<String, Long> memory = Map.of();
        Optional<String> failure = Optional.empty();
        try {
            long launched = System.nanoTime();
            subject.start((count, at) -> {
                totals.accept(count, at);
                if (count.dimension().equals(Dimension.WORD.id())) {
                    probes.seen(count.key(), at);
                }
            });
            subject.awaitReady(plan.timeout());
            if (subject instanceof WordstreamSubject w) {
                launched = w.launchedAtNanos();
                ready = Optional.of(w.readyAfterNanos() / 1e9);
                say(subject, "ready after %.1f s", ready.get());
            }
            try (SentenceLoad steady = new SentenceLoad(subject.kafka(), subject.inputTopic(),
                    SentenceLoad.Shape.STEADY)) {
                long sentAt = System.nanoTime();
                sendProbe(steady, corpus.next(), names, ledger, probes, sentAt);
                if (probes.awaitAll(plan.timeout()) > 0) {
                    throw new IllegalStateException("the first sentence was not counted within "
                            + plan.timeout().toSeconds() + " s");
                }
                firstRow = Optional.of((sentAt + probes.drain().get(0) - launched) / 1e9);
                say(subject, "first result row %.1f s after launch", firstRow.get());

                // Warm-up at the same rate: what a system does in its first seconds (class loading, JIT) is start-up,
                // reported above; the latency phase measures it as it runs all day.
                steadyRate(steady, corpus, names, ledger, probes, plan.warmup());
                probes.awaitAll(PROBE_GRACE);
                probes.drain();
                steadyRate(steady, corpus, names, ledger, probes, plan.latencyTime());
                lost = probes.awaitAll(PROBE_GRACE);
                latency = Percentiles.summarize(probes.drain().stream().map(n -> n / 1e6).toList());
                requireNoFailedSends(steady);
                say(subject, "latency p50 %.0f ms, p99 %.0f ms over %d probes (%d lost)", latency.p50(),
                        latency.p99(), latency.n(), lost);
            }
            try (SentenceLoad burst = new SentenceLoad(subject.kafka(), subject.inputTopic(),
                    SentenceLoad.Shape.BURST)) {
                // As for latency, the measured bursts see the system warm: the first large batches of a JVM run
                // in the interpreter and cold caches, which is start-up cost, not throughput. A Spark driver on two
                // cores needs several bursts: its JIT compilers were still busy with the large batches' code paths
                // after the first (docs/benchmarks.md, "Two measurement fixes").
                for (int i = 0; i < plan.warmupBursts(); i++) {
                    say(subject, "warm-up burst %d of %d (not counted): %,.0f words/s", i + 1, plan.warmupBursts(),
                            burst(subject, burst, corpus, ledger, totals));
                }
                for (int i = 0; i < plan.repeats(); i++) {
                    double wps = burst(subject, burst, corpus, ledger, totals);
                    throughput.add(wps);
                    say(subject, "burst %d of %d: %,.0f words/s", i + 1, plan.repeats(), wps);
                }
            }
            memory = subject.peakMemory();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = Optional.of("interrupted");
        } catch (RuntimeException e) {
            failure = Optional.of(e.getMessage());
            say(subject, "stopped measuring: %s", e.getMessage());
            memory = subject.peakMemory();
        } finally {
            say(subject, "stopping");
            subject.close();
        }
        return new SubjectResult(subject.name(), ready, firstRow, latency, lost, throughput, memory, failure);
    }

    /** Sentences at a fixed rate, paced against the clock (a late send is not made up by sending faster). */
    private void steadyRate(SentenceLoad load, Corpus corpus, ProbeNames names, SentLedger ledger, Probes probes,
                            Duration time) {
        long start = System.nanoTime();
        long count = plan.rate() * time.toSeconds();
        long interval = 1_000_000_000L / plan.rate();
        for (long i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String sentence = corpus.next();
            if (i % plan.probeEvery() == 0) {
                sendProbe(load, sentence, names, ledger, probes, System.nanoTime());
            } else {
                ledger.add(sentence);
                load.send(sentence);
            }
        }
    }

    private static void sendProbe(SentenceLoad load, String sentence, ProbeNames names, SentLedger ledger,
                                  Probes probes, long at) {
        String probe = names.next();
        String withProbe = sentence + " " + probe;
        ledger.add(withProbe);
        probes.sent(probe, at);
        load.send(withProbe);
    }

    /**
     * Words per second from the first send until the results add up to everything sent. The burst's sentences are
     * generated, encoded and entered in the ledger before the clock starts: the time is the system's alone, not the
     * generator's (about a tenth of a second per million words here, more on cores the system is using).
     */
    private double burst(Subject subject, SentenceLoad load, Corpus corpus, SentLedger ledger, ResultTotals totals)
            throws InterruptedException {
        List<byte[]> payloads = new ArrayList<>();
        long words = 0;
        while (words < plan.burstWords()) {
            String sentence = corpus.next();
            words += ledger.add(sentence);
            payloads.add(sentence.getBytes(StandardCharsets.UTF_8));
        }
        DimensionTotals target = ledger.totals();
        long start = System.nanoTime();
        for (byte[] payload : payloads) {
            load.send(payload);
        }
        load.flush();
        requireNoFailedSends(load);
        Optional<Long> done = totals.awaitTotals(target, plan.timeout());
        if (done.isEmpty()) {
            throw new IllegalStateException(subject.name() + " did not catch up within " + plan.timeout().toSeconds()
                    + " s: its results add up to " + totals.totals() + " of " + target + " sent");
        }
        return words / ((done.get() - start) / 1e9);
    }

    private static void requireNoFailedSends(SentenceLoad load) {
        if (load.failed() > 0) {
            throw new IllegalStateException(load.failed() + " sends failed (first: " + load.firstFailure() + ")");
        }
    }

    private void say(Subject subject, String format, Object... args) {
        progress.println("bench: " + subject.name() + ": " + String.format(Locale.ROOT, format, args));
    }
}
