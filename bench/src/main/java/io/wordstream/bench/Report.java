package io.wordstream.bench;

import io.wordstream.bench.curve.BatchProfile;
import io.wordstream.bench.curve.RateStep;
import io.wordstream.bench.measure.Latency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * One repetition's tables: the systems, their latency-throughput curves, wordstream's micro-batch phases and a text
 * plot of the curves. The figures of several repetitions together are {@link Summary}'s.
 */
final class Report {
    static final String WORDSTREAM = "wordstream";
    static final String ORIGINAL = "original design";
    static final String KSTREAMS = "Kafka Streams";
    static final String KSTREAMS_ALOS = "Kafka Streams (ALOS)";
    static final String LIMIT = "plain consumer (limit)";

    private final List<SubjectResult> results;

    Report(List<SubjectResult> results) {
        this.results = List.copyOf(results);
    }

    List<SubjectResult> results() {
        return results;
    }

    String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-24s %8s %10s %8s %8s %8s %8s %7s %14s %8s  %s%n", "system", "ready s",
                "1st row s", "p50 ms", "p95 ms", "p99 ms", "max ms", "probes", "words/s", "vs ws", "peak RSS MB"));
        Optional<Double> ours = find(WORDSTREAM).flatMap(SubjectResult::medianThroughput);
        for (SubjectResult r : results) {
            Latency l = r.latencyMs();
            Optional<Double> wps = r.medianThroughput();
            String ratio = ours.isPresent() && wps.isPresent() && !r.name().equals(WORDSTREAM)
                    ? String.format(Locale.ROOT, "%.2fx", ours.get() / wps.get()) : "";
            b.append(String.format(Locale.ROOT, "%-24s %8s %10s %8s %8s %8s %8s %7s %14s %8s  %s%n", r.name(),
                    seconds(r.readySeconds()), seconds(r.firstRowSeconds()), ms(l.p50()), ms(l.p95()), ms(l.p99()),
                    ms(l.max()), l.n() + (r.lostProbes() > 0 ? "-" + r.lostProbes() : ""),
                    wps.map(w -> String.format(Locale.ROOT, "%,.0f", w)).orElse("-"), ratio, memory(r.peakRss())));
            r.failure().ifPresent(f -> b.append("  ").append(r.name()).append(" failed: ").append(f)
                    .append(System.lineSeparator()));
        }
        b.append("vs ws: wordstream's words/s divided by the system's (above 1: wordstream is faster); words/s is"
                + " the median of the bursts").append(System.lineSeparator());
        return b.toString();
    }

    /** Every system's curve, a row per rate. */
    String curveTable() {
        StringBuilder b = new StringBuilder(System.lineSeparator());
        b.append("latency-throughput curve (latency from each sentence's scheduled send time)")
                .append(System.lineSeparator());
        b.append(String.format(Locale.ROOT, "%-24s %9s %9s %8s %8s %8s %8s %8s %7s %12s  %s%n", "system",
                "rate/s", "sent/s", "p50 ms", "p95 ms", "p99 ms", "p99.9 ms", "max ms", "probes", "backlog w/s",
                "verdict"));
        for (SubjectResult r : results) {
            for (RateStep s : r.curve()) {
                Latency l = s.latency();
                b.append(String.format(Locale.ROOT, "%-24s %9d %9.0f %8s %8s %8s %8s %8s %7s %12.0f  %s%n", r.name(),
                        s.rate(), s.sentRate(), ms(l.p50()), ms(l.p95()), ms(l.p99()), ms(l.p999()), ms(l.max()),
                        l.n() + (s.lostProbes() > 0 ? "-" + s.lostProbes() : ""), s.backlogWps(), s.verdict()));
            }
            b.append(String.format(Locale.ROOT, "%-24s sustainable: %s; p99 <= 1 s up to: %s%n", r.name(),
                    rate(r.sustainableRate()), rate(r.p99BoundedRate())));
        }
        b.append("sustainable: the highest rate whose backlog did not grow (by more than 5% of the words offered per"
                + " second), every probe counted and everything caught up afterwards, whatever the latency; p99 <= 1 s:"
                + " the highest such rate with p99 at most 1 s").append(System.lineSeparator());
        return b.toString();
    }

    /** Where the micro-batches' time went at each rate, for the systems that report it (wordstream). */
    String batchTable() {
        StringBuilder b = new StringBuilder();
        for (SubjectResult r : results) {
            if (r.curve().stream().allMatch(s -> s.batches().batches() == 0)) {
                continue;
            }
            b.append(System.lineSeparator()).append(r.name()).append("'s micro-batches with input, median ms of"
                    + " each phase of Spark's query progress (durationMs)").append(System.lineSeparator());
            b.append(String.format(Locale.ROOT, "%9s %8s", "rate/s", "batches"));
            BatchProfile.PHASES.forEach(p -> b.append(String.format(Locale.ROOT, " %16s", p)));
            b.append(String.format(Locale.ROOT, " %9s %9s%n", "p95 batch", "max batch"));
            for (RateStep s : r.curve()) {
                b.append(String.format(Locale.ROOT, "%9d %8d", s.rate(), s.batches().batches()));
                for (String p : BatchProfile.PHASES) {
                    Double v = s.batches().medianMs().get(p);
                    b.append(String.format(Locale.ROOT, " %16s", v == null ? "-"
                            : String.format(Locale.ROOT, "%.0f", v)));
                }
                b.append(String.format(Locale.ROOT, " %9s %9s%n", ms(s.batches().p95Ms()), ms(s.batches().maxMs())));
            }
        }
        return b.toString();
    }

    /** The curves as text: p99 against the rate, both on log scales, a letter per system. */
    String curvePlot() {
        return TextPlot.draw(results);
    }

    private Optional<SubjectResult> find(String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    private static String rate(OptionalInt r) {
        return r.isPresent() ? String.format(Locale.ROOT, "%,d sentences/s", r.getAsInt()) : "none";
    }

    private static String seconds(Optional<Double> s) {
        return s.map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("-");
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String memory(Map<String, Long> rss) {
        if (rss.isEmpty()) {
            return "-";
        }
        return rss.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() / (1024 * 1024))
                .collect(Collectors.joining(", "));
    }
}
