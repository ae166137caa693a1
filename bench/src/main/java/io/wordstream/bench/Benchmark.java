package io.wordstream.bench;

import io.wordstream.bench.corpus.Corpus;
import io.wordstream.bench.curve.Curve;
import io.wordstream.bench.curve.RateStep;
import io.wordstream.bench.measure.DimensionTotals;
import io.wordstream.bench.measure.Latency;
import io.wordstream.bench.measure.Probes;
import io.wordstream.bench.measure.ResultTotals;
import io.wordstream.bench.measure.SentLedger;
import io.wordstream.bench.subject.SharedBroker;
import io.wordstream.bench.subject.Subject;
import io.wordstream.bench.subject.WordstreamSubject;
import io.wordstream.common.Dimension;
import io.wordstream.common.PipelineSettings;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Measures one system: start-up, latency at steady rates climbing until it no longer keeps up (the
 * latency-throughput curve), throughput of bursts, peak memory; then stops it.
 */
final class Benchmark {
    /** Sentences of the steady phases' pool: about 600,000 words, more than a 10 s window holds at 5,000/s. */
    private static final int POOL_SENTENCES = 50_000;

    private final Plan plan;
    private final PrintStream progress;

    Benchmark(Plan plan, PrintStream progress) {
        this.plan = plan;
        this.progress = progress;
    }

    /**
     * Measures {@code subject} on {@code kafka}, which is already running. Start-up is measured the same way for
     * every system: a sentence waits in its input topic when the system is launched, and the clock runs from the
     * launch to that sentence's first result row.
     */
    SubjectResult measure(Subject subject, SharedBroker kafka) {
        return measure(subject, Optional.of(kafka));
    }

    /**
     * Measures {@code subject}, which starts a broker of its own (the secured run): its start-up then runs from its
     * launch, its broker's start included, to the first row of a sentence sent once it said it was ready.
     */
    SubjectResult measureWithOwnBroker(Subject subject) {
        return measure(subject, Optional.empty());
    }

    private SubjectResult measure(Subject subject, Optional<SharedBroker> kafka) {
        Corpus corpus = plan.corpus();
        SentLedger ledger = new SentLedger(PipelineSettings.defaults());
        ResultTotals totals = new ResultTotals();
        Probes probes = new Probes();
        ProbeNames names = new ProbeNames();
        Optional<Double> ready = Optional.empty();
        Optional<Double> firstRow = Optional.empty();
        Latency latency = Latency.EMPTY;
        int lost = 0;
        List<RateStep> curve = new ArrayList<>();
        List<Double> throughput = new ArrayList<>();
        Map<String, Long> memory = new LinkedHashMap<>();
        Optional<String> failure = Optional.empty();
        try {
            subject.prepare();
            Subject.Input input = subject.input();
            try (SentenceLoad steady = new SentenceLoad(input.kafka(), input.topic(), SentenceLoad.Shape.STEADY)) {
                if (kafka.isPresent()) {
                    steady.awaitTopic(plan.timeout());
                    kafka.get().resetPeakRss();
                }
                long launched = System.nanoTime();
                subject.start((count, at) -> {
                    totals.accept(count, at);
                    if (count.dimension().equals(Dimension.WORD.id())) {
                        probes.seen(count.key(), at);
                    }
                });
                if (kafka.isEmpty()) {
                    subject.awaitReady(plan.timeout());
                    steady.awaitTopic(plan.timeout());
                }
                long sentAt = System.nanoTime();
                sendProbe(steady, corpus.next(), names, ledger, probes, sentAt);
                if (probes.awaitAll(plan.timeout()) > 0) {
                    throw new IllegalStateException("the first sentence was not counted within "
                            + plan.timeout().toSeconds() + " s");
                }
                firstRow = Optional.of((sentAt + probes.drain().get(0) - launched) / 1e9);
                say(subject, "first result row %.1f s after launch", firstRow.get());
                subject.awaitReady(plan.timeout());
                if (subject instanceof WordstreamSubject w) {
                    ready = Optional.of(w.readyAfterNanos() / 1e9);
                    say(subject, "ready after %.1f s", ready.get());
                }

                // Warm-up at the same rate: what a system does in its first seconds (class loading, JIT) is start-up,
                // reported above; the curve measures it as it runs all day.
                SentencePool pool = new SentencePool(corpus, ledger, POOL_SENTENCES);
                SteadyLoad load = new SteadyLoad(plan, steady, pool, ledger, totals, probes, names,
                        subject.batchDurations());
                load.warmUp(plan.rate(), plan.warmup());
                for (int rate : Curve.ladder(plan.rate(), plan.rates())) {
                    RateStep step = load.step(rate, curve.isEmpty() ? plan.latencyTime() : plan.stepTime());
                    curve.add(step);
                    requireNoFailedSends(steady);
                    say(subject, "%,d sentences/s (sent %,.0f/s): p50 %.0f ms, p99 %.0f ms, p99.9 %.0f ms, max %.0f ms"
                                    + " over %d probes (%d lost); backlog %+,.0f words/s: %s", rate, step.sentRate(),
                            step.latency().p50(), step.latency().p99(), step.latency().p999(), step.latency().max(),
                            step.latency().n(), step.lostProbes(), step.backlogWps(), step.verdict());
                    if (!step.caughtUp()) {
                        throw new IllegalStateException(subject.name() + " did not catch up within "
                                + plan.timeout().toSeconds() + " s after " + rate + " sentences/s");
                    }
                    if (!Curve.climbOn(curve)) {
                        break;
                    }
                }
                latency = curve.get(0).latency();
                lost = curve.get(0).lostProbes();
            }
            try (SentenceLoad burst = new SentenceLoad(input.kafka(), input.topic(), SentenceLoad.Shape.BURST)) {
                // As for latency, the measured bursts see the system warm: the first large batches of a JVM run
                // in the interpreter and cold caches, which is start-up cost, not throughput. A Spark driver on two
                // cores needs several bursts: its JIT compilers were still busy with the large batches' code paths
                // after the first (docs/benchmarks-history.md, "Two measurement fixes").
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
            memory.putAll(subject.peakMemory());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = Optional.of("interrupted");
        } catch (RuntimeException e) {
            failure = Optional.of(e.getMessage() + subject.ended().map(why -> " (" + why + ")").orElse(""));
            say(subject, "stopped measuring: %s", e.getMessage());
            memory.putAll(subject.peakMemory());
        } finally {
            // A subject with its own broker reports that broker's memory itself.
            kafka.ifPresent(k -> k.peakRssBytes().ifPresent(b -> memory.put("broker", b)));
            say(subject, "stopping");
            subject.close();
        }
        return new SubjectResult(subject.name(), ready, firstRow, latency, lost, curve, throughput, memory,
                failure);
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
