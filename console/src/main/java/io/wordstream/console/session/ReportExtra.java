package io.wordstream.console.cli;

import io.wordstream.console.report.ReportMaker;
import io.wordstream.console.report.ReportPeriod;
import io.wordstream.console.report.ReportServices;
import io.wordstream.console.session.SessionEvent;
import io.wordstream.console.session.SessionListener;
import io.wordstream.console.settings.Settings;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Starts the reports and alerts of {@link ReportOptions} once Kafka is ready, and passes them the supervisor's
 * events: the job given up, Kafka silent or back. It never throws into the supervisor: a failure is a log line.
 */
final class ReportHook implements SessionListener, AutoCloseable {
    private final ReportServices.Plan plan;
    private final Consumer<String> log;
    private ReportServices services;
    private String bootstrap = "";

    ReportHook(ReportServices.Plan plan, Consumer<String> log) {
        this.plan = plan;
        this.log = log;
    }

    /** The listener that tells {@code first} each event, then this hook. */
    SessionListener after(SessionListener first) {
        return event -> {
            first.onEvent(event);
            onEvent(event);
        };
    }

    @Override
    public synchronized void onEvent(SessionEvent event) {
        try {
            if (event instanceof SessionEvent.KafkaReady ready && services == null) {
                Settings s = ready.settings();
                bootstrap = s.bootstrap();
                services = ReportOptions.start(plan, s, log);
            } else if (services == null) {
                return;
            } else if (event instanceof SessionEvent.GaveUp gaveUp && gaveUp.part() == SessionEvent.Part.JOB) {
                services.onJobRelaunchesUsedUp(gaveUp.line() + ": " + gaveUp.reason());
            } else if (event instanceof SessionEvent.BrokerExited) {
                services.onKafkaUnanswered(bootstrap);
            } else if (event instanceof SessionEvent.BrokerBack) {
                services.onKafkaAnswered(bootstrap);
            } else if (event instanceof SessionEvent.KafkaAnswers answers) {
                if (answers.answers()) {
                    services.onKafkaAnswered(bootstrap);
                } else {
                    services.onKafkaUnanswered(bootstrap);
                }
            } else if (event instanceof SessionEvent.Stopped) {
                close();
            }
        } catch (RuntimeException e) {
            log.accept("reports: " + e.getMessage());
        }
    }

    /** A report of {@code period} now, for the console's key; failed when Kafka has not been ready yet. */
    synchronized CompletableFuture<ReportMaker.Made> reportNow(ReportPeriod period) {
        if (services == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Kafka is not ready yet"));
        }
        return services.reportNow(period);
    }

    @Override
    public synchronized void close() {
        if (services != null) {
            services.close();
            services = null;
        }
    }
}
