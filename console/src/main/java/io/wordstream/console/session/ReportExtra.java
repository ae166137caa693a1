package io.wordstream.console.session;

import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.report.ReportMaker;
import io.wordstream.console.report.ReportPeriod;
import io.wordstream.console.report.ReportServices;
import io.wordstream.console.settings.Settings;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The report schedule and the alerts beside a pipeline: they start once Kafka is ready, and hear the session's
 * events: the job given up, Kafka silent or back. It never throws into the session: a failure is a line.
 */
final class ReportExtra implements PipelineExtras.Extra {
    private final ReportServices.Plan plan;
    private final Consumer<String> log;
    private ReportServices services;
    private String bootstrap = "";

    ReportExtra(ReportServices.Plan plan, Consumer<String> log) {
        this.plan = plan;
        this.log = log;
    }

    @Override
    public synchronized void onEvent(SessionEvent event) {
        try {
            if (event instanceof SessionEvent.KafkaReady ready && services == null) {
                Settings s = ready.settings();
                bootstrap = s.bootstrap();
                services = ReportServices.start(plan, KafkaClients.base(s), s.resultsTopic(), s.dataDir(), log);
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
