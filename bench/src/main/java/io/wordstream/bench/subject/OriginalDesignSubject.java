package io.wordstream.bench.subject;

import io.wordstream.bench.measure.ProcessMemory;
import io.wordstream.console.launch.SparkJob;
import io.wordstream.console.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The original project's design (three Spark queries in Complete mode, see {@code OriginalDesignJob}), launched
 * through SparkLauncher like wordstream's job, with the same Spark home, master, driver memory and settings.
 */
public final class OriginalDesignSubject implements Subject {
    static final String MAIN_CLASS = "io.wordstream.job.OriginalDesignJob";
    private static final String INPUT = "original-sentences";
    private static final String RESULTS = "original-counts";

    private final SharedBroker kafka;
    private final Settings settings;
    private SparkJob job;
    private ResultsReader reader;

    public OriginalDesignSubject(SharedBroker kafka, Path dataDir, String driverMemory, Map<String, String> sparkConf) {
        this.kafka = kafka;
        this.settings = kafka.settingsFor(dataDir, INPUT, RESULTS, driverMemory, sparkConf);
    }

    @Override
    public String name() {
        return "original design";
    }

    @Override
    public void prepare() {
        kafka.createTopics(INPUT, Optional.of(RESULTS));
    }

    @Override
    public void start(ResultSink sink) {
        job = SparkJob.launch(settings, kafka.install(), MAIN_CLASS, h -> {
        });
        reader = new ResultsReader(kafka.properties(), RESULTS, sink);
    }

    @Override
    public Input input() {
        return new Input(kafka.properties(), INPUT);
    }

    @Override
    public Map<String, Long> peakMemory() {
        Map<String, Long> m = new LinkedHashMap<>();
        if (job != null) {
            job.driver().ifPresent(d -> ProcessMemory.peakRssBytes(d.pid()).ifPresent(b -> m.put("driver", b)));
        }
        return m;
    }

    /** Where to look when it fails. */
    public Path log() {
        return settings.logDir().resolve("job.log");
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
        if (job != null) {
            job.stop(Duration.ofSeconds(30));
        }
    }
}
