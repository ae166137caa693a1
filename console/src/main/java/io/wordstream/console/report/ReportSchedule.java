package io.wordstream.console.report;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.wordstream.common.Durations;
import io.wordstream.common.ExecutorStop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes one PDF report per period while the pipeline runs (the period just ended, a little after its end so that
 * its last windows are in), mails it when mail is set up, and retries a failed mail with backoff. Everything runs
 * on one thread of its own and every failure becomes a log line: a report never affects the pipeline.
 * The same thread also makes reports on demand ({@link #reportNow}), for the console's key.
 */
public final class ReportSchedule implements AutoCloseable {
    private final ReportMaker maker;
    private final Duration every;
    private final Duration settle;
    private final ReportMailer mailer;
    private final RetryPolicy<Object> mailRetry;
    private final Consumer<String> log;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wordstream-reports");
        t.setDaemon(true);
        return t;
    });

    private ScheduledFuture<?> scheduled;

    /**
     * @param maker     reads and writes each report
     * @param every     the length of each period; null for reports on demand only
     * @param settle    how long after a period's end its report is made, so its last windows have been written
     * @param mailer    where reports are mailed; null to keep them on disk only
     * @param mailRetry when to try a failed mail again
     * @param log       told what was written and mailed, and what failed, one line each
     * @param clock     the time periods are cut by
     */
    public ReportSchedule(ReportMaker maker, Duration every, Duration settle, ReportMailer mailer,
                          RetryPolicy<Object> mailRetry, Consumer<String> log, Clock clock) {
        if (every != null && (every.isNegative() || every.isZero())) {
            throw new IllegalArgumentException("--report-every must be longer than zero");
        }
        this.maker = maker;
        this.every = every;
        this.settle = settle;
        this.mailer = mailer;
        this.mailRetry = mailRetry;
        this.log = log;
        this.clock = clock;
    }

    /** Six more attempts after the first, 30 s to 10 min apart: about half an hour of an SMTP server's outage. */
    public static RetryPolicy<Object> standardRetry() {
        return retry(Duration.ofSeconds(30), Duration.ofMinutes(10), 6);
    }

    /** Retries of a failed mail, {@code first} to {@code max} apart, doubling. */
    public static RetryPolicy<Object> retry(Duration first, Duration max, int retries) {
        return RetryPolicy.builder().handle(MailFailure.class).withBackoff(first, max).withMaxRetries(retries)
                .build();
    }

    /** Starts the periods now: the first report covers from now to one period later. */
    public ReportSchedule start() {
        if (every == null) {
            return this;
        }
        Instant first = clock.instant();
        long periodMs = every.toMillis();
        long[] index = {0};
        Runnable tick = () -> {
            Instant from = first.plusMillis(periodMs * index[0]++);
            try {
                make(new ReportPeriod(from, from.plus(every)));
            } catch (RuntimeException e) {
                // Logged by make(); a task that throws would cancel every later period.
            }
        };
        scheduled = thread.scheduleAtFixedRate(tick, periodMs + settle.toMillis(), periodMs, TimeUnit.MILLISECONDS);
        log.accept("reports: one every " + Durations.format(every) + " into "
                + maker.defaultFile(new ReportPeriod(first, first.plus(every)), ReportFormat.PDF).getParent()
                + (mailer == null ? "" : ", mailed through " + mailer.config().server()));
        return this;
    }

    /** Makes a report of {@code period} now, on the schedule's thread; the future holds its file. */
    public CompletableFuture<ReportMaker.Made> reportNow(ReportPeriod period) {
        return CompletableFuture.supplyAsync(() -> make(period), thread);
    }

    private ReportMaker.Made make(ReportPeriod period) {
        try {
            ReportMaker.Made made = maker.make(period, ReportFormat.PDF, null, line -> { });
            log.accept("report: wrote " + made.file());
            if (mailer != null) {
                mail(made);
            }
            return made;
        } catch (RuntimeException e) {
            // A failing report (Kafka away, disk full) must not cancel the next periods.
            log.accept("report: cannot make the report of " + period.shown() + ": " + e.getMessage());
            throw e;
        }
    }

    private void mail(ReportMaker.Made made) {
        CompletableFuture<Void> unused = Failsafe.with(mailRetry).with(thread)
                .onFailure(e -> log.accept("report: gave up mailing " + made.file().getFileName() + " after "
                        + e.getAttemptCount() + " attempts: " + e.getException().getMessage() + "; the report stays at "
                        + made.file()))
                .runAsync(() -> {
                    try {
                        mailer.sendReport(made);
                        log.accept("report: mailed " + made.file().getFileName());
                    } catch (MailFailure e) {
                        log.accept("report: " + e.getMessage());
                        throw e;
                    }
                });
    }

    @Override
    public void close() {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        ExecutorStop.now(thread, Duration.ofSeconds(5));
    }
}
