package io.wordstream.console.session;

import io.wordstream.console.gateway.GatewayConfig;
import io.wordstream.console.gateway.WelcomeMail;
import io.wordstream.console.model.ResultRow;
import io.wordstream.console.report.ReportMaker;
import io.wordstream.console.report.ReportPeriod;
import io.wordstream.console.report.ReportServices;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What runs beside a pipeline, the same in 'run' and the console: the HTTP gateway with its welcome mail, the report
 * schedule and the alerts. It hears the session's events and the result rows, hands both to each add-on, and closes
 * them all before the pipeline stops. One more add-on is one {@link Extra} given to {@link Builder#add}.
 */
public final class PipelineExtras implements SessionListener, AutoCloseable {
    /** One add-on: it hears every event and, when it wants them, each batch of result rows; closed once. */
    public interface Extra extends SessionListener, AutoCloseable {
        /** Whether it reads the result rows; in 'run' the extras then follow the results topic for it. */
        default boolean wantsResults() {
            return false;
        }

        /** A batch of result rows, from the results follower's thread. */
        default void results(List<ResultRow> rows) {
            // not read
        }

        @Override
        void close();
    }

    /** Where the add-ons' lines go: 'run' prints them, the console shows them on its screen. */
    public interface Lines {
        /** A line a script reads, such as {@code gateway http://...}: standard output in 'run'. */
        void result(String line);

        /** An add-on's step or problem: standard error in 'run'. */
        void progress(String line);

        /** A line of the scheduled reports or the alerts. */
        void notice(String line);
    }

    private final List<Extra> extras;
    private final ReportExtra reports;
    /** Reads the result rows for the add-ons when no one else hands them over ('run'); null otherwise. */
    private final ResultsFollower follower;

    private PipelineExtras(List<Extra> extras, ReportExtra reports, boolean ownerFeedsResults) {
        this.extras = List.copyOf(extras);
        this.reports = reports;
        boolean wanted = extras.stream().anyMatch(Extra::wantsResults);
        this.follower = wanted && !ownerFeedsResults ? new ResultsFollower((rows, caughtUp) -> results(rows)) : null;
    }

    public static Builder builder(Lines lines) {
        return new Builder(lines);
    }

    /** The listener that tells {@code first} each event, then these extras. */
    public SessionListener after(SessionListener first) {
        return event -> {
            first.onEvent(event);
            onEvent(event);
        };
    }

    @Override
    public void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.KafkaReady ready && follower != null) {
            follower.start(ready.settings());
        }
        extras.forEach(e -> e.onEvent(event));
    }

    /** Rows of the results topic, for the add-ons that read them; the console hands over those of its charts. */
    public void results(List<ResultRow> rows) {
        for (Extra e : extras) {
            if (e.wantsResults()) {
                e.results(rows);
            }
        }
    }

    /** A report of {@code period} now (the console's key); failed when there are no reports or Kafka is not ready. */
    public CompletableFuture<ReportMaker.Made> reportNow(ReportPeriod period) {
        if (reports == null) {
            return CompletableFuture.failedFuture(
                    new UnsupportedOperationException("reports are not available in this console"));
        }
        return reports.reportNow(period);
    }

    /** Closes every add-on, the gateway first; safe to call twice. */
    @Override
    public void close() {
        if (follower != null) {
            follower.close();
        }
        extras.forEach(Extra::close);
    }

    /** Which add-ons a command's options ask for. */
    public static final class Builder {
        private final Lines lines;
        private final List<Extra> extras = new ArrayList<>();
        private ReportExtra reports;

        private Builder(Lines lines) {
            this.lines = lines;
        }

        /** The HTTP gateway, once the pipeline is ready; {@code welcome} (or null) mails its sign-ups. */
        public Builder gateway(GatewayConfig config, WelcomeMail welcome) {
            return add(new GatewayExtra(config, welcome, lines));
        }

        /** The report schedule and the alerts of {@code plan}, once Kafka is ready. */
        public Builder reports(ReportServices.Plan plan) {
            reports = new ReportExtra(plan, lines::notice);
            return add(reports);
        }

        /** Any other add-on: it hears the same events and rows, and closes with the rest. */
        public Builder add(Extra extra) {
            extras.add(extra);
            return this;
        }

        /** @param ownerFeedsResults whether the caller hands over result rows it reads anyway (the console) */
        public PipelineExtras build(boolean ownerFeedsResults) {
            return new PipelineExtras(extras, reports, ownerFeedsResults);
        }
    }
}
