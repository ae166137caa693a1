package io.wordstream.bench;

import io.wordstream.bench.curve.BatchProfile;
import io.wordstream.bench.curve.RateStep;
import io.wordstream.bench.measure.Latency;
import io.wordstream.bench.subject.WordstreamSubject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The repetitions of a comparison together: each figure as the median of the repetitions and their range, the
 * systems side by side, the {@code RESULT} line (medians; a ratio is taken within each repetition, then its median),
 * and each system's curve of medians for the plots.
 */
final class Summary {
    /** The guarantee the Kafka Streams the ratios refer to runs with. */
    static final String KSTREAMS_GUARANTEE = "exactly_once_v2";

    private final List<Run> runs;

    Summary(List<Run> runs) {
        this.runs = List.copyOf(runs);
    }

    /** The median, smallest and largest of the values that are numbers; NaN for all three when none is. */
    record Spread(double median, double min, double max) {
        static Spread of(List<Double> values) {
            List<Double> numbers = values.stream().filter(v -> !Double.isNaN(v)).toList();
            if (numbers.isEmpty()) {
                return new Spread(Double.NaN, Double.NaN, Double.NaN);
            }
            return new Spread(Summary.median(numbers), numbers.stream().mapToDouble(d -> d).min().orElseThrow(),
                    numbers.stream().mapToDouble(d -> d).max().orElseThrow());
        }

        String format(int decimals, boolean range) {
            if (Double.isNaN(median)) {
                return "-";
            }
            String m = display(median, decimals);
            return range && max > min ? m + " [" + display(min, decimals) + "-" + display(max, decimals) + "]" : m;
        }
    }

    /** The median, the mean of the two middle values for an even count (the middle of a range of three is exact). */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** One line, {@code RESULT} first: every key's median over the repetitions, a number or {@code nan}. */
    String resultLine() {
        Map<String, String> kv = new LinkedHashMap<>();
        medians(kv, RunFigures.KEYS, runs.stream().map(RunFigures::of).toList());
        kv.put("kstreams_guarantee", KSTREAMS_GUARANTEE);
        kv.put("repeat", Integer.toString(runs.size()));
        if (secured()) {
            medians(kv, RunFigures.SECURED_KEYS, runs.stream().map(RunFigures::secured).toList());
        }
        return "RESULT " + kv.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private static void medians(Map<String, String> kv, List<String> keys, List<Map<String, Double>> figures) {
        for (String key : keys) {
            double m = Spread.of(figures.stream().map(f -> f.get(key)).toList()).median();
            kv.put(key, Double.isNaN(m) ? "nan" : number(m, decimals(key)));
        }
    }

    private boolean secured() {
        return runs.stream().anyMatch(r -> r.find(WordstreamSubject.SECURED).isPresent());
    }

    /** Decimals a key's value is written with: seconds 1, ratios 2, everything else whole. */
    static int decimals(String key) {
        if (key.contains("_ratio")) {
            return 2;
        }
        return key.endsWith("_s") ? 1 : 0;
    }

    /** Each system's figures side by side, each the median of the repetitions with their range in brackets. */
    String table() {
        List<String> systems = systemNames();
        StringBuilder b = new StringBuilder(System.lineSeparator());
        b.append(runs.size() == 1 ? "summary (one repetition)" : "summary of " + runs.size()
                + " repetitions: median [smallest-largest]").append(System.lineSeparator());
        b.append(String.format(Locale.ROOT, "%-28s", "figure"));
        systems.forEach(s -> b.append(String.format(Locale.ROOT, " %-30s", s)));
        b.append(System.lineSeparator());
        row(b, systems, "first row s (broker up)", 1, r -> r.firstRowSeconds().orElse(Double.NaN));
        row(b, systems, "ready s", 1, r -> r.readySeconds().orElse(Double.NaN));
        row(b, systems, "p50 ms at first rate", 0, r -> r.latencyMs().p50());
        row(b, systems, "p99 ms at first rate", 0, r -> r.latencyMs().p99());
        row(b, systems, "p99 <= 1 s up to /s", 0, r -> rate(r.p99BoundedRate()));
        row(b, systems, "sustainable /s", 0, r -> rate(r.sustainableRate()));
        row(b, systems, "bursts words/s", 0, r -> r.medianThroughput().orElse(Double.NaN));
        for (String role : List.of("driver", "app", "console", "broker")) {
            if (runs.stream().flatMap(run -> run.results().stream()).anyMatch(r -> r.peakRss().containsKey(role))) {
                row(b, systems, "peak RSS MB " + role, 0, r -> megabytes(r.peakRss().get(role)));
            }
        }
        b.append(String.format(Locale.ROOT, "%-28s %s%n", "broker start s",
                Spread.of(runs.stream().map(Run::brokerStartSeconds).toList()).format(1, true)));
        b.append("first row: from launching the system, its broker already running and a sentence waiting in its"
                + " input topic, to that sentence's result row; broker start: the embedded broker wordstream's run"
                + " starts, from its JVM's launch to its first answer").append(System.lineSeparator());
        if (secured()) {
            List<Map<String, Double>> figures = runs.stream().map(RunFigures::secured).toList();
            b.append(String.format(Locale.ROOT, "%s over %s: bursts %s, p50 %s, p99 %s (medians of each"
                            + " repetition's ratios)%n", WordstreamSubject.SECURED, Report.WORDSTREAM,
                    ratio(figures, "secured_throughput_ratio"), ratio(figures, "secured_latency_p50_ratio"),
                    ratio(figures, "secured_latency_p99_ratio")));
            b.append(WordstreamSubject.SECURED + ": run --certs-dir with its own embedded broker on TLS (client"
                    + " certificates, the bench's too), Spark authentication and encryption, measured after the"
                    + " shared plain broker stopped, so its first row and ready include its broker's start;"
                    + " wordstream: run --bootstrap-server on the shared plain broker").append(System.lineSeparator());
        }
        return b.toString();
    }

    private static String ratio(List<Map<String, Double>> figures, String key) {
        return Spread.of(figures.stream().map(f -> f.get(key)).toList()).format(2, true);
    }

    private void row(StringBuilder b, List<String> systems, String label, int decimals,
                     Function<SubjectResult, Double> figure) {
        b.append(String.format(Locale.ROOT, "%-28s", label));
        for (String s : systems) {
            List<Double> values = runs.stream().map(run -> run.find(s).map(figure).orElse(Double.NaN)).toList();
            b.append(String.format(Locale.ROOT, " %-30s", Spread.of(values).format(decimals, true)));
        }
        b.append(System.lineSeparator());
    }

    /** Every system's curve with, at each rate, the median p50 and p99 of the repetitions that reached it. */
    List<SubjectResult> medianCurves() {
        List<SubjectResult> out = new ArrayList<>();
        for (String s : systemNames()) {
            Map<Integer, List<RateStep>> byRate = new TreeMap<>();
            runs.forEach(run -> run.find(s).ifPresent(r -> r.curve().forEach(step ->
                    byRate.computeIfAbsent(step.rate(), k -> new ArrayList<>()).add(step))));
            List<RateStep> curve = new ArrayList<>();
            byRate.forEach((rate, steps) -> {
                Latency l = new Latency(steps.get(0).latency().n(),
                        median(steps.stream().map(x -> x.latency().p50()).toList()), Double.NaN,
                        median(steps.stream().map(x -> x.latency().p99()).toList()), Double.NaN, Double.NaN);
                curve.add(new RateStep(rate, rate, steps.get(0).offeredWps(), l, 0, 0, true, 0, BatchProfile.EMPTY));
            });
            out.add(new SubjectResult(s, Optional.empty(), Optional.empty(), Latency.EMPTY, 0, curve, List.of(),
                    Map.of(), Optional.empty()));
        }
        return out;
    }

    private List<String> systemNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        runs.forEach(run -> run.results().forEach(r -> names.add(r.name())));
        return List.copyOf(names);
    }

    private static double rate(OptionalInt r) {
        return r.isPresent() ? r.getAsInt() : Double.NaN;
    }

    private static double megabytes(Long bytes) {
        return bytes == null ? Double.NaN : bytes / (1024.0 * 1024.0);
    }

    /** As a script reads it: no grouping. */
    static String number(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** As a person reads it: thousands grouped. */
    static String display(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
