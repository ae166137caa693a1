package io.wordstream.bench;

import io.wordstream.bench.curve.RateStep;
import io.wordstream.bench.measure.Latency;
import io.wordstream.bench.subject.WordstreamSubject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The figures of one repetition by their {@code RESULT} key: wordstream's own, and its ratios to the other systems
 * measured in the same repetition (throughput ratios: wordstream's figure over the other's, above 1 wordstream is
 * faster; latency and start-up ratios: wordstream's time over Kafka Streams', under 1 wordstream is faster). A
 * figure that was not measured is NaN.
 */
final class RunFigures {
    /** The keys, in the order of the RESULT line. */
    static final List<String> KEYS = List.of("latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "latency_max_ms",
            "latency_p999_ms", "throughput_wps", "seed_ratio", "kstreams_ratio", "limit_ratio", "sustainable_sps",
            "sustainable_kstreams_ratio", "sustainable_seed_ratio", "p99_bounded_sps", "p99_bounded_kstreams_ratio",
            "latency_p50_kstreams_ratio", "latency_p99_kstreams_ratio", "curve_p99_kstreams_ratio_max", "startup_s",
            "startup_kstreams_ratio", "ready_s", "broker_start_s", "rss_console_mb", "rss_broker_mb",
            "rss_driver_mb");
    /**
     * The keys of {@code bench --secured}, after the others: wordstream secured, and its figures over the plain
     * wordstream's of the same repetition (throughput under 1, latency over 1: security costs that much).
     */
    static final List<String> SECURED_KEYS = List.of("secured_latency_p50_ms", "secured_latency_p99_ms",
            "secured_throughput_wps", "secured_latency_p50_ratio", "secured_latency_p99_ratio",
            "secured_throughput_ratio");

    private RunFigures() {
    }

    static Map<String, Double> of(Run run) {
        Map<String, Double> kv = new LinkedHashMap<>();
        Optional<SubjectResult> ws = run.find(Report.WORDSTREAM);
        Optional<SubjectResult> ks = run.find(Report.KSTREAMS);
        Latency l = ws.map(SubjectResult::latencyMs).orElse(Latency.EMPTY);
        Latency theirs = ks.map(SubjectResult::latencyMs).orElse(Latency.EMPTY);
        double ours = throughput(ws);
        kv.put("latency_p50_ms", l.p50());
        kv.put("latency_p95_ms", l.p95());
        kv.put("latency_p99_ms", l.p99());
        kv.put("latency_max_ms", l.max());
        kv.put("latency_p999_ms", l.p999());
        kv.put("throughput_wps", ours);
        kv.put("seed_ratio", ours / throughput(run.find(Report.ORIGINAL)));
        kv.put("kstreams_ratio", ours / throughput(ks));
        kv.put("limit_ratio", ours / throughput(run.find(Report.LIMIT)));
        double sustainable = rate(ws.map(SubjectResult::sustainableRate));
        kv.put("sustainable_sps", sustainable);
        kv.put("sustainable_kstreams_ratio", sustainable / rate(ks.map(SubjectResult::sustainableRate)));
        kv.put("sustainable_seed_ratio",
                sustainable / rate(run.find(Report.ORIGINAL).map(SubjectResult::sustainableRate)));
        double bounded = rate(ws.map(SubjectResult::p99BoundedRate));
        kv.put("p99_bounded_sps", bounded);
        kv.put("p99_bounded_kstreams_ratio", bounded / rate(ks.map(SubjectResult::p99BoundedRate)));
        kv.put("latency_p50_kstreams_ratio", l.p50() / theirs.p50());
        kv.put("latency_p99_kstreams_ratio", l.p99() / theirs.p99());
        kv.put("curve_p99_kstreams_ratio_max", worstP99Ratio(ws, ks, 1_000));
        double startup = seconds(ws.flatMap(SubjectResult::firstRowSeconds));
        kv.put("startup_s", startup);
        kv.put("startup_kstreams_ratio", startup / seconds(ks.flatMap(SubjectResult::firstRowSeconds)));
        kv.put("ready_s", seconds(ws.flatMap(SubjectResult::readySeconds)));
        kv.put("broker_start_s", run.brokerStartSeconds());
        Map<String, Long> rss = ws.map(SubjectResult::peakRss).orElse(Map.of());
        for (String role : List.of("console", "broker", "driver")) {
            Long bytes = rss.get(role);
            kv.put("rss_" + role + "_mb", bytes == null ? Double.NaN : (double) (bytes / (1024 * 1024)));
        }
        return kv;
    }

    /** The secured run's keys, NaN where it or the plain wordstream was not measured. */
    static Map<String, Double> secured(Run run) {
        Latency plain = run.find(Report.WORDSTREAM).map(SubjectResult::latencyMs).orElse(Latency.EMPTY);
        Optional<SubjectResult> secured = run.find(WordstreamSubject.SECURED);
        Latency l = secured.map(SubjectResult::latencyMs).orElse(Latency.EMPTY);
        double wps = throughput(secured);
        Map<String, Double> kv = new LinkedHashMap<>();
        kv.put("secured_latency_p50_ms", l.p50());
        kv.put("secured_latency_p99_ms", l.p99());
        kv.put("secured_throughput_wps", wps);
        kv.put("secured_latency_p50_ratio", l.p50() / plain.p50());
        kv.put("secured_latency_p99_ratio", l.p99() / plain.p99());
        kv.put("secured_throughput_ratio", wps / throughput(run.find(Report.WORDSTREAM)));
        return kv;
    }

    private static double throughput(Optional<SubjectResult> r) {
        return r.flatMap(SubjectResult::medianThroughput).orElse(Double.NaN);
    }

    /** A rate, NaN when there is none (no rate sustained: a ratio to it is not a number either). */
    private static double rate(Optional<OptionalInt> r) {
        return r.filter(OptionalInt::isPresent).map(o -> (double) o.getAsInt()).orElse(Double.NaN);
    }

    private static double seconds(Optional<Double> s) {
        return s.orElse(Double.NaN);
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
}
