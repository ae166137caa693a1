package io.wordstream.bench;

import io.wordstream.bench.measure.Percentiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The run's table, and last its {@code RESULT} line of key=value pairs for scripts. Ratios are wordstream's
 * throughput divided by the other system's, all measured in this one run.
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
            Percentiles.Summary l = r.latencyMs();
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
        Percentiles.Summary l = ws.map(SubjectResult::latencyMs).orElse(Percentiles.Summary.EMPTY);
        Optional<Double> ours = ws.flatMap(SubjectResult::medianThroughput);
        kv.put("latency_p50_ms", number(l.p50(), 0));
        kv.put("latency_p95_ms", number(l.p95(), 0));
        kv.put("latency_p99_ms", number(l.p99(), 0));
        kv.put("latency_max_ms", number(l.max(), 0));
        kv.put("throughput_wps", number(ours.orElse(Double.NaN), 0));
        kv.put("seed_ratio", ratio(ours, ORIGINAL));
        kv.put("kstreams_ratio", ratio(ours, KSTREAMS));
        kv.put("limit_ratio", ratio(ours, LIMIT));
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
