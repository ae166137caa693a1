package io.wordstream.console.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What {@code run} and the console start for reports and alerts, in one object with the hooks the supervisor calls:
 * the report schedule (and reports on demand), word alerts on the results topic, Kafka and job alerts. Start it
 * once the pipeline's topics exist; close it before the pipeline stops.
 */
public final class ReportServices implements AutoCloseable {
    /** At most one alert mail of a kind in this time. */
    public static final Duration ALERT_GAP = Duration.ofMinutes(10);

    /**
     * What to run.
     *
     * @param every          one report per this period; null for reports on demand only
     * @param settle         how long after a period's end its report is made
     * @param mailer         where reports and alerts go; null to keep reports on disk and alerts in the log
     * @param alertWords     word to the count it must go over in one window
     * @param kafkaDownAfter alert when Kafka has not answered for longer; null for no such alert
     */
    public record Plan(Duration every, Duration settle, ReportMailer mailer, Map<String, Long> alertWords,
                       Duration kafkaDownAfter) {
        public Plan {
            alertWords = Map.copyOf(alertWords);
        }
    }

    private final ReportSchedule schedule;
    private final AlertWatch alerts;

    private ReportServices(ReportSchedule schedule, AlertWatch alerts) {
        this.schedule = schedule;
        this.alerts = alerts;
    }

    /**
     * Starts the schedule and, when words are watched, a reader of the results topic from its end.
     *
     * @param kafkaClient  Kafka client properties, bootstrap servers included
     * @param resultsTopic the job's results topic
     * @param dataDir      where reports go and the job's settings are recorded
     * @param log          told, one line each, what was written, mailed, alerted or failed
     */
    public static ReportServices start(Plan plan, Properties kafkaClient, String resultsTopic,
                                       Path dataDir, Consumer<String> log) {
        Clock clock = Clock.systemUTC();
        ReportMaker maker = new ReportMaker(kafkaClient, resultsTopic, dataDir, ReportMaker.DEFAULT_GRACE, clock);
        AlertWatch alerts = new AlertWatch(plan, kafkaClient, resultsTopic, log, clock);
        try {
            return new ReportServices(new ReportSchedule(maker, plan.every(), plan.settle(), plan.mailer(),
                    ReportSchedule.standardRetry(), log, clock).start(), alerts);
        } catch (RuntimeException e) {
            alerts.close();
            throw e;
        }
    }

    /** Writes a report of {@code period} now (the console's key); the future holds its file, or why not. */
    public CompletableFuture<ReportMaker.Made> reportNow(ReportPeriod period) {
        return schedule.reportNow(period);
    }

    /** The supervisor gave up relaunching the job. */
    public void onJobRelaunchesUsedUp(String detail) {
        alerts.jobRelaunchesUsedUp(detail);
    }

    /** A Kafka health check got no answer. */
    public void onKafkaUnanswered(String bootstrap) {
        alerts.kafkaUnanswered(bootstrap);
    }

    /** A Kafka health check got an answer. */
    public void onKafkaAnswered(String bootstrap) {
        alerts.kafkaAnswered(bootstrap);
    }

    @Override
    public void close() {
        schedule.close();
        alerts.close();
    }
}
