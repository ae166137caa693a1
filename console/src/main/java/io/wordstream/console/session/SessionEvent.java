package io.wordstream.console.session;

import io.wordstream.common.JobConfig;
import io.wordstream.console.kafka.BrokerChange;
import io.wordstream.console.model.JobEvent;
import io.wordstream.console.settings.Settings;
import java.time.Duration;
import java.util.Locale;
import org.apache.spark.launcher.SparkAppHandle;

/**
 * What a {@link Supervisor} reports about its pipeline, in the order it happens. Each event has the line that
 * 'run' prints for it ({@link #line}; empty for events a headless run does not print); the console draws them.
 */
public sealed interface SessionEvent {
    /** The line a headless run prints on standard error; empty when it prints none. */
    default String line() {
        return "";
    }

    /** A step of start-up or shutdown, in words. */
    record Step(String message) implements SessionEvent {
        @Override
        public String line() {
            return message;
        }
    }

    /** The Spark application's state as SparkLauncher reports it (info changes repeat the state). */
    record JobStateChanged(SparkAppHandle.State state, String appId) implements SessionEvent {
        @Override
        public String line() {
            return "job " + state + (appId == null ? "" : " (" + appId + ")");
        }
    }

    /** A record of the metrics topic that belongs to this pipeline's job. */
    record JobMetrics(JobEvent event) implements SessionEvent {
    }

    /** Kafka answers and the topics exist: readers of the results topic can start. */
    record KafkaReady(Settings settings) implements SessionEvent {
    }

    /** The job has completed its first micro-batch: the pipeline runs with {@code settings}. */
    record Ready(Settings settings, String appId) implements SessionEvent {
        /** The line scripts wait for, on standard output: the pipeline is running and where to reach it. */
        @Override
        public String line() {
            return "ready bootstrap=" + settings.bootstrap()
                    + (settings.source() == JobConfig.Source.SOCKET
                            ? " source=socket socket=" + settings.socket().map(Object::toString).orElse("")
                            : "")
                    + " topics=" + String.join(",", settings.inputTopics())
                    + " results=" + settings.resultsTopic()
                    + " metrics=" + settings.metricsTopic()
                    + " master=" + settings.master()
                    + " app=" + appId
                    + " data-dir=" + settings.dataDir();
        }
    }

    /** The pipeline did not start; everything that had started was stopped again. */
    record StartFailed(String reason, int exitStatus) implements SessionEvent {
    }

    /** The job ended by itself while it ran (it failed, or its driver was killed). */
    record JobEnded(String state, String reason) implements SessionEvent {
        @Override
        public String line() {
            return "the Spark job ended (" + state + "): " + reason;
        }
    }

    /** What the supervisor brings back after it ended by itself. */
    enum Part {
        JOB("relaunching the job from its checkpoint"),
        BROKER("restarting the Kafka broker");

        private final String action;

        Part(String action) {
            this.action = action;
        }
    }

    /** A pause before the next attempt to bring {@code part} back. */
    record Relaunching(Part part, Duration pause, int attempt, int maxAttempts) implements SessionEvent {
        @Override
        public String line() {
            return String.format(Locale.ROOT, "%s in %d s (attempt %d of %d)%s", part.action, pause.toSeconds(),
                    attempt, maxAttempts, part == Part.BROKER ? "; what is sent meanwhile waits and is retried" : "");
        }
    }

    /** One attempt to bring {@code part} back failed; another may follow. */
    record AttemptFailed(Part part, String reason) implements SessionEvent {
        @Override
        public String line() {
            return (part == Part.JOB ? "the relaunch failed: " : "the broker restart failed: ") + reason;
        }
    }

    /** {@code part} ended too often in a row: the supervisor no longer brings it back by itself. */
    record GaveUp(Part part, int attempts, String reason) implements SessionEvent {
        @Override
        public String line() {
            return part == Part.JOB
                    ? "the job ended " + attempts + " times in a row: not relaunching it again"
                    : "the broker exited " + attempts + " times in a row: not restarting it again";
        }
    }

    /** A new job completed its first micro-batch: after a relaunch, or a restart the operator asked for. */
    record JobBack(String appId) implements SessionEvent {
        @Override
        public String line() {
            return "the job completed its first micro-batch (" + appId + ")";
        }
    }

    /** A restart the operator asked for failed. */
    record RestartFailed(String reason) implements SessionEvent {
        @Override
        public String line() {
            return "the restart failed: " + reason;
        }
    }

    /** The embedded broker exited while the pipeline ran. */
    record BrokerExited(String summary) implements SessionEvent {
        @Override
        public String line() {
            return "the Kafka broker exited (" + summary + ")";
        }
    }

    /** The embedded broker answers again. */
    record BrokerBack(String bootstrap, String log) implements SessionEvent {
        @Override
        public String line() {
            return "the Kafka broker is back on " + bootstrap + " (log: " + log + ")";
        }
    }

    /** An external Kafka stopped answering ({@code answers} false) or answers again. */
    record KafkaAnswers(boolean answers, String message) implements SessionEvent {
        @Override
        public String line() {
            return message;
        }
    }

    /**
     * A broker of an external cluster was lost, is still down, answers again, or counting resumed after a loss
     * (what the console's broker watch observed).
     */
    record BrokerChanged(BrokerChange change) implements SessionEvent {
        @Override
        public String line() {
            return change.message();
        }
    }

    /**
     * The console's local cluster changed or was counted: its workers, the job's executors on them, and what
     * happened in words.
     */
    record Workers(int workers, int executors, String message) implements SessionEvent {
        @Override
        public String line() {
            return message;
        }
    }

    /** Everything the supervisor started has stopped. */
    record Stopped() implements SessionEvent {
        @Override
        public String line() {
            return "stopped";
        }
    }
}
