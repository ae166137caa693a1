package io.wordstream.console.report;

import io.wordstream.console.kafka.PeriodReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Makes one report: reads a period of the results topic, then writes it as a PDF, CSV or JSON file. Used by the
 * {@code report} command, by {@link ReportSchedule}, and by the console's report-now key.
 *
 * @param kafkaClient  Kafka client properties, bootstrap servers included
 * @param resultsTopic the topic the job writes its counts to
 * @param dataDir      where reports go by default, and where the job recorded its settings
 * @param grace        how long after a period's end its rows are still looked for
 * @param clock        the time reports are stamped with
 */
public record ReportMaker(Properties kafkaClient, String resultsTopic, Path dataDir, Duration grace, Clock clock) {
    /** Rows of a period's windows may be written this long after it ends (batches, late data, a relaunch). */
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);

    /**
     * A report that was written.
     *
     * @param file   where it is
     * @param format what it is
     * @param data   its summary, for a mail
     */
    public record Made(Path file, ReportFormat format, ReportData data) {
    }

    /** Where a report of {@code period} goes when nobody names a file: {@code <data-dir>/reports/}. */
    public Path defaultFile(ReportPeriod period, ReportFormat format) {
        return dataDir.resolve("reports").resolve("wordstream-" + period.fileLabel() + "." + format.extension());
    }

    /** Reads {@code period} and writes its report to {@code file} (null: the default file). */
    public Made make(ReportPeriod period, ReportFormat format, Path file, Consumer<String> progress) {
        Path target = file == null ? defaultFile(period, format) : file;
        ResultAggregate counts = new ResultAggregate(period);
        new PeriodReader(kafkaClient, resultsTopic, grace, progress).read(period.from(), period.to(), counts::accept);
        ReportData data = counts.summarize(PdfReport.TABLE_WORDS);
        if (format == ReportFormat.PDF) {
            PdfReport.write(data, ReportSettings.recordedIn(dataDir), new PdfReport.Origin(resultsTopic,
                    kafkaClient.getProperty("bootstrap.servers"), clock.instant()), target);
        } else {
            CountsExport.write(counts, format, target);
        }
        return new Made(target.toAbsolutePath(), format, data);
    }
}
