package io.wordstream.console.report;

import io.wordstream.common.ExecutorStop;
import io.wordstream.console.kafka.TopicFeed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
    private final Alerts alerts;
    private final KafkaSilence kafka;
    private final TopicFeed wordFeed;
    private final ScheduledExecutorService alertThread;

    private ReportServices(ReportSchedule schedule, Alerts alerts, KafkaSilence kafka, TopicFeed wordFeed,
                           ScheduledExecutorService alertThread) {
        this.schedule = schedule;
        this.alerts = alerts;
        this.kafka = kafka;
        this.wordFeed = wordFeed;
        this.alertThread = alertThread;
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
        ReportSchedule schedule = new ReportSchedule(maker, plan.every(), plan.settle(), plan.mailer(),
                ReportSchedule.standardRetry(), log, clock).start();
        ScheduledExecutorService alertThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wordstream-alerts");
            t.setDaemon(true);
            return t;
        });
        Alerts alerts = new Alerts(plan.mailer(), ALERT_GAP, log, clock, alertThread);
        KafkaSilence kafka = null;
        if (plan.kafkaDownAfter() != null) {
            kafka = new KafkaSilence(plan.kafkaDownAfter(), alerts, clock);
            // The supervisor tells when Kafka stops and starts answering; the time in between is measured here.
            ScheduledFuture<?> unused = alertThread.scheduleWithFixedDelay(kafka::check, 1, 1, TimeUnit.SECONDS);
        }
        TopicFeed feed = null;
        if (!plan.alertWords().isEmpty()) {
            WordAlerts words = new WordAlerts(plan.alertWords(), alerts);
            feed = TopicFeed.startValues(kafkaClient, resultsTopic, TopicFeed.From.END,
                    values -> values.forEach(words::accept));
        }
        return new ReportServices(schedule, alerts, kafka, feed, alertThread);
    }

    /** Writes a report of {@code period} now (the console's key); the future holds its file, or why not. */
    public CompletableFuture<ReportMaker.Made> reportNow(ReportPeriod period) {
        return schedule.reportNow(period);
    }

    /** The supervisor gave up relaunching the job. */
    public void onJobRelaunchesUsedUp(String detail) {
        alerts.raise("job", "the Spark job has used up its relaunches and is stopped", detail);
    }

    /** A Kafka health check got no answer. */
    public void onKafkaUnanswered(String bootstrap) {
        if (kafka != null) {
            kafka.unanswered(bootstrap);
        }
    }

    /** A Kafka health check got an answer. */
    public void onKafkaAnswered(String bootstrap) {
        if (kafka != null) {
            kafka.answered(bootstrap);
        }
    }

    @Override
    public void close() {
        if (wordFeed != null) {
            wordFeed.close();
        }
        schedule.close();
        // Alerts already raised (the job's last one, say) still go out; the periodic check stops.
        ExecutorStop.finish(alertThread, Duration.ofSeconds(20));
    }
}
