package io.wordstream.bench;

import io.wordstream.bench.curve.BatchProfile;
import io.wordstream.bench.curve.RateStep;
import io.wordstream.bench.measure.Latency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The run's tables (systems, then their latency-throughput curves and a text plot of them), and last its
 * {@code RESULT} line of key=value pairs for scripts. Throughput ratios are wordstream's figure divided by the other
 * system's, latency ratios wordstream's latency divided by Kafka Streams' (under 1: wordstream is faster); all
 * measured in this one run.
 */
final class Report {
    static final String WORDSTREAM = "wordstream";
    static final String ORIGINAL = "original design";
    static final String KSTREAMS = "Kafka Streams";
    static final String LIMIT = "plain consumer (limit)";

    private final List<SubjectResult> results;

    Report(List<SubjectResult> results) {
        this.results = List.copyOf(results);
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

    /** One line, {@code RESULT} first, every value a number or {@code nan}. */
    String resultLine() {
        Map<String, String> kv = new LinkedHashMap<>();
        Optional<SubjectResult> ws = find(WORDSTREAM);
        Latency l = ws.map(SubjectResult::latencyMs).orElse(Latency.EMPTY);
        Optional<Double> ours = ws.flatMap(SubjectResult::medianThroughput);
        kv.put("latency_p50_ms", number(l.p50(), 0));
        kv.put("latency_p95_ms", number(l.p95(), 0));
        kv.put("latency_p99_ms", number(l.p99(), 0));
        kv.put("latency_max_ms", number(l.max(), 0));
        kv.put("latency_p999_ms", number(l.p999(), 0));
        kv.put("throughput_wps", number(ours.orElse(Double.NaN), 0));
        kv.put("seed_ratio", ratio(ours, ORIGINAL));
        kv.put("kstreams_ratio", ratio(ours, KSTREAMS));
        kv.put("limit_ratio", ratio(ours, LIMIT));
        Optional<SubjectResult> ks = find(KSTREAMS);
        OptionalInt sustainable = ws.map(SubjectResult::sustainableRate).orElse(OptionalInt.empty());
        kv.put("sustainable_sps", sustainable.isPresent() ? Integer.toString(sustainable.getAsInt()) : "nan");
        kv.put("sustainable_kstreams_ratio", sustainableRatio(sustainable, KSTREAMS));
        kv.put("sustainable_seed_ratio", sustainableRatio(sustainable, ORIGINAL));
        Latency theirs = ks.map(SubjectResult::latencyMs).orElse(Latency.EMPTY);
        kv.put("latency_p50_kstreams_ratio", number(l.p50() / theirs.p50(), 2));
        kv.put("latency_p99_kstreams_ratio", number(l.p99() / theirs.p99(), 2));
        kv.put("curve_p99_kstreams_ratio_max", number(worstP99Ratio(ws, ks, 1_000), 2));
        kv.put("startup_s", number(ws.flatMap(SubjectResult::firstRowSeconds).orElse(Double.NaN), 1));
        kv.put("ready_s", number(ws.flatMap(SubjectResult::readySeconds).orElse(Double.NaN), 1));
        Map<String, Long> rss = ws.map(SubjectResult::peakRss).orElse(Map.of());
        for (String role : List.of("console", "broker", "driver")) {
            Long bytes = rss.get(role);
            kv.put("rss_" + role + "_mb", bytes == null ? "nan" : Long.toString(bytes / (1024 * 1024)));
        }
        return "RESULT " + kv.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private String ratio(Optional<Double> ours, String other) {
        Optional<Double> theirs = find(other).flatMap(SubjectResult::medianThroughput);
        return ours.isPresent() && theirs.isPresent() ? number(ours.get() / theirs.get(), 2) : "nan";
    }

    /** wordstream's sustainable rate over the other system's; nan when either has none. */
    private String sustainableRatio(OptionalInt ours, String other) {
        OptionalInt theirs = find(other).map(SubjectResult::sustainableRate).orElse(OptionalInt.empty());
        return ours.isPresent() && theirs.isPresent() ? number((double) ours.getAsInt() / theirs.getAsInt(), 2)
                : "nan";
    }

    /**
     * The largest ratio of wordstream's p99 to Kafka Streams' at any rate from {@code from} up that both were
     * measured at: at most 1 means wordstream's tail was never longer. NaN when they share no such rate.
     */
    static double worstP99Ratio(Optional<SubjectResult> ours, Optional<SubjectResult> theirs, int from) {
        if (ours.isEmpty() || theirs.isEmpty()) {
            return Double.NaN;
        }
        Map<Integer, RateStep> other = new HashMap<>();
        theirs.get().curve().forEach(s -> other.put(s.rate(), s));
        double worst = Double.NaN;
        for (RateStep s : ours.get().curve()) {
            RateStep t = other.get(s.rate());
            if (s.rate() >= from && t != null && t.latency().n() > 0 && s.latency().n() > 0) {
                double r = s.latency().p99() / t.latency().p99();
                worst = Double.isNaN(worst) ? r : Math.max(worst, r);
            }
        }
        return worst;
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
            OptionalInt best = r.sustainableRate();
            b.append(String.format(Locale.ROOT, "%-24s sustainable: %s%n", r.name(),
                    best.isPresent() ? String.format(Locale.ROOT, "%,d sentences/s", best.getAsInt()) : "none"));
        }
        b.append("sustainable: the highest rate with p99 at most 1 s, every probe counted and no growing backlog"
                + " (a backlog growing by more than 5% of the words offered per second)")
                .append(System.lineSeparator());
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
            b.append(System.lineSeparator());
            for (RateStep s : r.curve()) {
                b.append(String.format(Locale.ROOT, "%9d %8d", s.rate(), s.batches().batches()));
                for (String p : BatchProfile.PHASES) {
                    Double v = s.batches().medianMs().get(p);
                    b.append(String.format(Locale.ROOT, " %16s", v == null ? "-"
                            : String.format(Locale.ROOT, "%.0f", v)));
                }
                b.append(System.lineSeparator());
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

    private static String number(double v, int decimals) {
        return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%." + decimals + "f", v);
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
