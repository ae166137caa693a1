package io.wordstream.console.session;

import io.wordstream.console.errors.UserError;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.TopicAdmin;
import io.wordstream.console.kafka.TopicFeed;
import io.wordstream.console.launch.LineServer;
import io.wordstream.console.model.JobEvent;
import io.wordstream.console.settings.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A session on a pipeline that runs elsewhere ('run', or another console): it follows the pipeline's topics and
 * owns no process, so stopping it stops nothing. Until Kafka answers and the results topic exists it says why in
 * one line and tries again. It reads without a consumer group, so any number of consoles can attach at once.
 */
public final class AttachedSession implements Session {
    private static final Duration REACH = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofSeconds(2);
    /** Metrics a little older than the attach still show the job's last batch at once. */
    private static final Duration RECENT_METRICS = Duration.ofMinutes(1);

    private final Settings settings;
    private final SessionListener listener;
    private final Thread thread;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private TopicFeed metrics;

    public AttachedSession(Settings settings, SessionListener listener) {
        this.settings = settings;
        this.listener = listener;
        this.thread = new Thread(this::attach, "pipeline-attach");
        thread.setDaemon(true);
    }

    @Override
    public AttachedSession start() {
        thread.start();
        return this;
    }

    private void attach() {
        step("attaching to the pipeline at " + settings.bootstrap() + ": this console starts and stops nothing");
        Properties kafka = KafkaClients.base(settings);
        String said = "";
        String problem;
        while ((problem = missing(kafka)) != null) {
            if (!problem.equals(said)) {
                step(problem);
                said = problem;
            }
            try {
                if (stopRequested.await(RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (stopRequested.getCount() == 0) {
            return;
        }
        listener.onEvent(new SessionEvent.KafkaReady(settings));
        followMetrics(kafka);
        listener.onEvent(new SessionEvent.Ready(settings, ""));
    }

    /** Why there is nothing to attach to yet, in one line; null once there is. */
    private String missing(Properties kafka) {
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            if (!admin.reachable(REACH)) {
                return "no pipeline here: no Kafka answers at " + settings.bootstrap() + "; check --bootstrap-server"
                        + " or start one with 'wordstream run' (trying again)";
            }
            if (!admin.topicExists(settings.resultsTopic())) {
                return "no pipeline at " + settings.bootstrap() + ": topic '" + settings.resultsTopic()
                        + "' does not exist; check --results-topic or start one with 'wordstream run'";
            }
            return null;
        } catch (UserError e) {
            return e.getMessage();
        }
    }

    private void followMetrics(Properties kafka) {
        try {
            TopicFeed feed = TopicFeed.startSince(kafka, settings.metricsTopic(),
                    Instant.now().minus(RECENT_METRICS), values -> {
                        for (String value : values) {
                            JobEvent.parse(value)
                                    .ifPresent(e -> listener.onEvent(new SessionEvent.JobMetrics(e)));
                        }
                    });
            synchronized (this) {
                if (stopRequested.getCount() == 0) {
                    feed.close();
                } else {
                    metrics = feed;
                }
            }
        } catch (UserError e) {
            // The counts still show; only the job's figures are missing.
            step("no job metrics: " + e.getMessage());
        }
    }

    /** Refused by the console before it gets here: the job belongs to whoever started it. */
    @Override
    public void restartJob() {
        step("attached: the job is restarted by the console or 'run' that started it");
    }

    @Override
    public void stop() {
        stopRequested.countDown();
        TopicFeed f;
        synchronized (this) {
            f = metrics;
            metrics = null;
        }
        if (f != null) {
            f.close();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public LineServer lineServer() {
        return null;
    }

    @Override
    public Supervisor.Outcome outcome() {
        return Supervisor.Outcome.STOPPED;
    }

    private void step(String message) {
        listener.onEvent(new SessionEvent.Step(message));
    }
}
