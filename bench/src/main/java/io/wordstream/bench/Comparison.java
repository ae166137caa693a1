package io.wordstream.bench;

import io.wordstream.bench.measure.Latency;
import io.wordstream.bench.subject.BenchCerts;
import io.wordstream.bench.subject.BrokerWarmUp;
import io.wordstream.bench.subject.KafkaStreamsSubject;
import io.wordstream.bench.subject.OriginalDesignSubject;
import io.wordstream.bench.subject.PlainConsumerSubject;
import io.wordstream.bench.subject.SharedBroker;
import io.wordstream.bench.subject.WordstreamSubject;
import io.wordstream.console.launch.Ports;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One repetition of the whole comparison: a broker started for it and timed, warmed up with traffic of its own, then
 * every system in turn on it, each on topics of its own, never two at once. Repetition {@code i} starts at the
 * {@code i}-th system of the list, so that over repetitions no system always runs first. With {@code --secured},
 * wordstream secured comes last, once that broker has stopped, on a TLS broker of its own (a plain broker cannot
 * serve it).
 */
final class Comparison {
    private final Plan plan;
    private final Install install;
    private final Map<String, String> sparkConf;
    private final String driverMemory;
    private final PrintStream progress;
    private final boolean secured;

    Comparison(Plan plan, Install install, Map<String, String> sparkConf, String driverMemory, PrintStream progress,
               boolean secured) {
        this.plan = plan;
        this.install = install;
        this.sparkConf = sparkConf;
        this.driverMemory = driverMemory;
        this.progress = progress;
        this.secured = secured;
    }

    /** The systems in the order repetition {@code index} (from 1) runs them. */
    static List<BenchCommand.Contender> order(List<BenchCommand.Contender> systems, int index) {
        List<BenchCommand.Contender> order = new ArrayList<>(systems);
        Collections.rotate(order, -((index - 1) % Math.max(1, order.size())));
        return order;
    }

    Run run(int index, int of, List<BenchCommand.Contender> systems, Path work) {
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT));
        progress.printf("bench: repetition %d of %d, %s UTC: starting the broker%n", index, of, started);
        int port = Ports.freePorts(Settings.LOOPBACK, 1, Set.of()).get(0);
        Benchmark benchmark = new Benchmark(plan, progress);
        List<SubjectResult> results = new ArrayList<>();
        double brokerStart;
        try (SharedBroker kafka = SharedBroker.start(install, work.resolve("broker"), port, plan.timeout())) {
            brokerStart = kafka.startSeconds();
            progress.printf(Locale.ROOT, "bench: broker (wordstream's embedded broker) answered %.1f s after its"
                    + " launch%n", brokerStart);
            BrokerWarmUp warm = kafka.warmUp(plan.warmup());
            progress.printf(Locale.ROOT, "bench: broker warmed up before any system: %,d transactions, %,d records"
                    + " read back committed, in %.1f s%n", warm.transactions(), warm.recordsRead(), warm.seconds());
            for (BenchCommand.Contender s : order(systems, index)) {
                results.add(switch (s) {
                    case WORDSTREAM -> benchmark.measure(WordstreamSubject.onBroker(install.home(),
                            work.resolve("wordstream"), kafka, sparkArgs()), kafka);
                    case ORIGINAL -> benchmark.measure(new OriginalDesignSubject(kafka, work.resolve("original"),
                            driverMemory, sparkConf), kafka);
                    case KSTREAMS -> benchmark.measure(new KafkaStreamsSubject(kafka, work.resolve("kstreams"),
                            KafkaStreamsSubject.Guarantee.EXACTLY_ONCE_V2), kafka);
                    case KSTREAMS_ALOS -> benchmark.measure(new KafkaStreamsSubject(kafka,
                            work.resolve("kstreams-alos"), KafkaStreamsSubject.Guarantee.AT_LEAST_ONCE), kafka);
                    case LIMIT -> benchmark.measure(new PlainConsumerSubject(kafka), kafka);
                });
            }
        }
        if (secured) {
            results.add(measureSecured(benchmark, work));
        }
        return new Run(index, started, brokerStart, results);
    }

    /** {@code run --certs-dir} on its own TLS broker, with certificates for 127.0.0.1 made for it by wordstream's. */
    private SubjectResult measureSecured(Benchmark benchmark, Path work) {
        progress.printf("bench: %s: run --certs-dir with its own embedded broker on TLS, certificates made in %s%n",
                WordstreamSubject.SECURED, work.resolve("pki"));
        WordstreamSubject subject;
        try {
            BenchCerts certs = BenchCerts.make(work.resolve("pki"), Instant.now());
            subject = WordstreamSubject.secured(install.home(), work.resolve(WordstreamSubject.SECURED),
                    Ports.freePorts(Settings.LOOPBACK, 1, Set.of()).get(0), sparkArgs(), certs);
        } catch (RuntimeException e) {
            return new SubjectResult(WordstreamSubject.SECURED, Optional.empty(), Optional.empty(), Latency.EMPTY, 0,
                    List.of(), List.of(), Map.of(), Optional.of("cannot make its certificates: " + e.getMessage()));
        }
        return benchmark.measureWithOwnBroker(subject);
    }

    private List<String> sparkArgs() {
        List<String> args = new ArrayList<>();
        sparkConf.forEach((k, v) -> args.addAll(List.of("--conf", k + "=" + v)));
        return args;
    }
}
