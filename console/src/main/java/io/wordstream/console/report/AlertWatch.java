package io.wordstream.console.report;

import io.wordstream.common.ExecutorStop;
import io.wordstream.console.kafka.TopicFeed;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The alerts of a running pipeline, on a thread of their own: a watched word over its count in a window (read from
 * the results topic's end), Kafka silent for too long, the job given up; each kind mailed at most once a gap.
 */
final class AlertWatch implements AutoCloseable {
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wordstream-alerts");
        t.setDaemon(true);
        return t;
    });
    private final Alerts alerts;
    private final Optional<KafkaSilence> kafka;
    private final Optional<TopicFeed> wordFeed;

    /** Starts watching what {@code plan} asks for; {@code log} is told each alert, mailed or not. */
    AlertWatch(ReportServices.Plan plan, Properties kafkaClient, String resultsTopic, Consumer<String> log,
               Clock clock) {
        alerts = new Alerts(plan.mailer(), ReportServices.ALERT_GAP, log, clock, thread);
        kafka = Optional.ofNullable(plan.kafkaDownAfter()).map(after -> new KafkaSilence(after, alerts, clock));
        // The supervisor tells when Kafka stops and starts answering; the time in between is measured here.
        kafka.ifPresent(k -> {
            ScheduledFuture<?> unused = thread.scheduleWithFixedDelay(k::check, 1, 1, TimeUnit.SECONDS);
        });
        wordFeed = plan.alertWords().isEmpty() ? Optional.empty()
                : Optional.of(startWordFeed(new WordAlerts(plan.alertWords(), alerts), kafkaClient, resultsTopic));
    }

    /** A reader of the results topic's new rows for the word alerts; the alert thread stops if it cannot start. */
    private TopicFeed startWordFeed(WordAlerts words, Properties kafkaClient, String resultsTopic) {
        try {
            return TopicFeed.startValues(kafkaClient, resultsTopic, TopicFeed.From.END,
                    values -> values.forEach(words::accept));
        } catch (RuntimeException e) {
            thread.shutdownNow();
            throw e;
        }
    }

    void jobRelaunchesUsedUp(String detail) {
        alerts.raise("job", "the Spark job has used up its relaunches and is stopped", detail);
    }

    void kafkaUnanswered(String bootstrap) {
        kafka.ifPresent(k -> k.unanswered(bootstrap));
    }

    void kafkaAnswered(String bootstrap) {
        kafka.ifPresent(k -> k.answered(bootstrap));
    }

    @Override
    public void close() {
        wordFeed.ifPresent(TopicFeed::close);
        // Alerts already raised (the job's last one, say) still go out; the periodic check stops.
        ExecutorStop.finish(thread, Duration.ofSeconds(20));
    }
}
