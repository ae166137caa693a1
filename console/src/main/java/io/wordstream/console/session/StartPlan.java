package io.wordstream.console.session;

import io.wordstream.common.JobConfig;
import io.wordstream.console.errors.UserError;
import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.TopicAdmin;
import io.wordstream.console.kafka.TopicPlan;
import io.wordstream.console.launch.BrokerProcess;
import io.wordstream.console.launch.CheckpointGuard;
import io.wordstream.console.launch.DataDirLock;
import io.wordstream.console.launch.LineServer;
import io.wordstream.console.launch.LocalCluster;
import io.wordstream.console.launch.Scratch;
import io.wordstream.console.launch.Waits;
import io.wordstream.console.settings.ClassDataPlace;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.RecordedKafka;
import io.wordstream.console.settings.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The order in which a pipeline starts: lock, checkpoint check, broker, cluster, topics, socket, job, first batch.
 * Processes that boot slowly start side by side (the job beside the broker, or beside the topics once Kafka
 * answers); checks that can fail on the operator's input come first.
 */
final class StartPlan {
    /** The least a broker gets to answer, whatever the start timeout: it never needs to be quicker than the job. */
    private static final Duration BROKER_START_MIN = Duration.ofSeconds(60);
    private static final Duration KAFKA_REACH = Duration.ofSeconds(15);
    private static final Duration TOPIC_DELETION = Duration.ofSeconds(30);
    private static final Duration CLUSTER_START = Duration.ofSeconds(90);
    private static final Duration EXECUTORS_WAIT = Duration.ofSeconds(60);

    private final Install install;
    private final SessionListener listener;
    private final boolean reset;
    private final long startNanos = System.nanoTime();

    StartPlan(Install install, SessionListener listener, boolean reset) {
        this.install = install;
        this.listener = listener;
        this.reset = reset;
    }

    /** Starts everything into {@code p} and returns once the job has completed its first micro-batch. */
    void run(Processes p) {
        Settings settings = p.settings();
        p.unlessStopping(() -> p.lock(DataDirLock.acquire(settings.dataDir())));
        ClassDataPlace classData = install.classDataPlace(settings.dataDir());
        if (install.release() || !classData.own()) {
            // Where a release keeps its JVM class data archives depends on the host: say which it is.
            step(classData.summary());
        }
        boolean keepsCheckpoint = settings.source() == JobConfig.Source.KAFKA;
        if (keepsCheckpoint && !reset) {
            CheckpointGuard.requireFits(settings);
        }
        Properties kafka = KafkaClients.base(settings);
        if (settings.embeddedBroker()) {
            p.unlessStopping(() -> p.broker(BrokerProcess.start(settings, install)));
            step("starting the Kafka broker on " + settings.bootstrap() + " (log: " + p.broker().log() + ")");
        }
        // The driver boots while the broker does, or while the topics are made (the job waits for its topics
        // before its query starts): start-up takes the longer of the two, not their sum. A reset must delete the
        // results topic first.
        boolean jobEarly = settings.localCluster() == 0 && keepsCheckpoint && !reset;
        boolean besideBroker = jobEarly && p.broker() != null;
        // A job in local mode publishes nothing before its topics exist; executors joining a cluster do, which
        // on a Kafka that creates topics on first use would make the metrics topic before the console does.
        boolean onceKafkaAnswers = jobEarly && p.broker() == null && settings.localSpark();
        if (besideBroker) {
            p.unlessStopping(() -> launchJob(p));
        }
        if (settings.localCluster() > 0) {
            p.unlessStopping(() -> p.cluster(LocalCluster.start(settings, install)));
            step("starting a Spark standalone master and " + settings.localCluster() + " worker"
                    + (settings.localCluster() == 1 ? "" : "s") + " on " + Settings.LOOPBACK + " (logs: "
                    + settings.logDir().resolve("spark-*.log") + ")");
        }
        prepareKafka(p, kafka, keepsCheckpoint, onceKafkaAnswers);
        listener.onEvent(new SessionEvent.KafkaReady(settings));
        if (p.cluster() != null) {
            p.cluster().awaitReady(CLUSTER_START);
            p.settings(p.settings().withMaster(p.cluster().masterUrl()));
            step("Spark master " + p.cluster().masterUrl() + " is ready with " + p.cluster().workers() + " workers"
                    + " (web UI " + p.cluster().webUi() + ", " + elapsed() + ")");
        }
        if (settings.source() == JobConfig.Source.SOCKET) {
            p.unlessStopping(() -> prepareSocketSource(p));
        }
        p.job().followMetrics(kafka, settings.metricsTopic());
        if (!besideBroker && !onceKafkaAnswers) {
            p.unlessStopping(() -> launchJob(p));
        }
        p.job().awaitStarted(p.settings().startTimeout());
        step("the job completed its first micro-batch (" + elapsed() + ")");
        if (keepsCheckpoint) {
            CheckpointGuard.record(p.settings());
        }
        if (p.cluster() != null) {
            int executors = awaitExecutors(p);
            listener.onEvent(new SessionEvent.Workers(p.cluster().workers(), executors, "the job runs on "
                    + executors + " executor" + (executors == 1 ? "" : "s") + " of " + p.cluster().masterUrl()
                    + " (web UI " + p.cluster().webUi() + ")"));
        }
    }

    /**
     * Waits for Kafka, applies a reset, and creates the topics that are missing; {@code launchOnceReachable}
     * launches the job as soon as Kafka answers (a Kafka the operator named: should it not answer, no job starts).
     */
    private void prepareKafka(Processes p, Properties kafka, boolean keepsCheckpoint, boolean launchOnceReachable) {
        Settings settings = p.settings();
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            if (p.broker() != null) {
                p.broker().awaitReady(admin, brokerStart(settings));
            } else {
                admin.requireReachable(KAFKA_REACH, "from --bootstrap-server",
                        "check the address, or leave --bootstrap-server out to start the embedded broker");
            }
            step("Kafka is ready at " + settings.bootstrap() + " (" + elapsed() + ")");
            if (launchOnceReachable) {
                p.unlessStopping(() -> launchJob(p));
            }
            RecordedKafka.write(settings.dataDir(), settings.bootstrap(), settings.security().secured());
            if (reset && keepsCheckpoint) {
                // The topic first: should its deletion fail, the checkpoint is still there to refuse a start
                // without --reset, instead of new counts landing among the old ones.
                if (admin.deleteTopic(settings.resultsTopic(), TOPIC_DELETION)) {
                    step("deleted the results topic " + settings.resultsTopic());
                }
                CheckpointGuard.delete(settings, this::step);
            }
            Map<String, TopicPlan.Topic> topics = TopicPlan.of(settings, admin.brokerCount());
            List<String> created = admin.ensureTopics(topics.values());
            if (!created.isEmpty()) {
                step("created topics " + String.join(", ", created));
            }
            if (!created.contains(settings.resultsTopic())) {
                // A topic made by an older version or another retention: its history is bounded from now on.
                try {
                    List<String> changed = admin.alignConfigs(topics.get(settings.resultsTopic()));
                    if (!changed.isEmpty()) {
                        step("updated the results topic " + settings.resultsTopic() + ": "
                                + String.join(", ", changed));
                    }
                } catch (UserError e) {
                    // Counting works without it: the topic only keeps more than the console reads.
                    step(e.getMessage());
                }
            }
        }
    }

    /** How long the embedded broker may take to answer: the start timeout, for a loaded host, and a minute at least. */
    static Duration brokerStart(Settings settings) {
        return settings.startTimeout().compareTo(BROKER_START_MIN) > 0 ? settings.startTimeout() : BROKER_START_MIN;
    }

    /** Launches the job with the settings as they are now; also what a relaunch does. */
    void launchJob(Processes p) {
        Settings settings = p.settings();
        step("launching the Spark job on " + settings.master() + " (log: " + settings.logDir().resolve("job.log")
                + ")");
        p.job().launch(settings);
    }

    /** Serves the socket when none is given, and clears the previous run's scratch checkpoint. */
    private void prepareSocketSource(Processes p) {
        if (p.settings().socket().isEmpty()) {
            LineServer server = LineServer.start();
            p.lineServer(server);
            p.settings(p.settings().withSocket(server.address()));
            step("serving the socket source on " + server.address()
                    + ": lines typed on standard input go to the job");
        }
        // The socket source cannot replay what it read: its checkpoint is of this run only.
        Scratch.deleteTree(p.settings().checkpointDir());
    }

    private int awaitExecutors(Processes p) {
        long deadline = System.nanoTime() + EXECUTORS_WAIT.toNanos();
        String appId = p.job().current().appId();
        int executors = p.cluster().executorsOf(appId);
        while (executors < p.settings().localCluster() && System.nanoTime() < deadline) {
            Waits.pause(250);
            executors = p.cluster().executorsOf(appId);
        }
        return executors;
    }

    private void step(String message) {
        listener.onEvent(new SessionEvent.Step(message));
    }

    private String elapsed() {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
