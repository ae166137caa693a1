package io.wordstream.console.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import io.wordstream.console.model.ClusterState;
import io.wordstream.console.model.HostOutage;
import io.wordstream.console.model.MasterSnapshot;
import io.wordstream.console.model.MetricHistory;
import io.wordstream.console.model.MetricHistory.Metric;
import io.wordstream.console.model.PipelineStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The cluster view (F2, or v in keys mode): Kafka's brokers and input partitions with their lag, the Spark master,
 * workers, executors and query, and sparklines of the pipeline's figures over the last ten minutes. Also the compact
 * line of the status area and the lag of the status line.
 */
final class ClusterView {
    /** One line of the view and its colour. */
    record Line(String text, TextColor color, boolean heading) {
        static Line of(String text) {
            return new Line(text, Palette.TEXT, false);
        }

        static Line heading(String text) {
            return new Line(text, Palette.GOOD, true);
        }

        static Line bad(String text) {
            return new Line(text, Palette.BAD, false);
        }
    }

    private static final String MORE = " … more below: enlarge the terminal";
    private static final int LABEL = 12;

    private final DateTimeFormatter time;

    ClusterView(ZoneId zone) {
        this.time = Formats.clock(zone);
    }

    /** Draws rows {@code top} (inclusive) to {@code end} (exclusive); lines that do not fit are cut with a note. */
    void draw(Pen pen, int top, int end, Frame f) {
        List<Line> lines = lines(f, pen.cols);
        int room = end - top;
        boolean cut = lines.size() > room;
        for (int i = 0; i < Math.min(room, lines.size()); i++) {
            Line l = cut && i == room - 1 ? new Line(MORE, Palette.DIM, false) : lines.get(i);
            if (l.heading()) {
                pen.put(0, top + i, l.text(), l.color(), SGR.BOLD);
            } else {
                pen.put(0, top + i, l.text(), l.color());
            }
        }
    }

    /** The view's lines at {@code cols} columns. */
    List<Line> lines(Frame f, int cols) {
        ClusterState c = f.cluster();
        List<Line> out = new ArrayList<>();
        hosts(out, c);
        kafka(out, c);
        spark(out, f);
        history(out, c.history(), cols);
        return out;
    }

    /** The hosts lost, each with its roles, where its tasks went and whether counting resumed; then those back. */
    private static void hosts(List<Line> out, ClusterState c) {
        List<HostOutage> outages = c.outages().outages();
        if (outages.isEmpty()) {
            return;
        }
        int lost = c.outages().open().size();
        out.add(Line.heading(" Hosts  " + (lost == 0 ? "every lost host is back" : lost + " lost")));
        for (HostOutage o : outages) {
            String line = "   " + o.line(c.now());
            out.add(!o.open() ? Line.of(line) : o.resumedAfter().isPresent() ? new Line(line, Palette.WARN, false)
                    : Line.bad(line));
        }
    }

    private static void kafka(List<Line> out, ClusterState c) {
        List<ClusterState.Broker> brokers = c.brokers();
        long up = brokers.stream().filter(ClusterState.Broker::up).count();
        String results = c.resultsRecords() < 0 ? "results topic: size unknown"
                : "results topic " + count(c.resultsRecords()) + " records";
        out.add(Line.heading(" Kafka  " + up + " of " + brokers.size() + " brokers up · " + results));
        if (!c.kafkaError().isEmpty()) {
            out.add(Line.bad("   Kafka does not answer: " + c.kafkaError()));
        }
        // Secured, a column says how each broker is reached: the session reaches brokers over TLS only.
        String link = c.secured() ? "TLS, client certificate" : "";
        out.add(new Line(row("   broker", 10, "address", 22, "role", 12, "state", 8, c.secured() ? "link" : "")
                .stripTrailing(), Palette.DIM, false));
        for (ClusterState.Broker b : brokers) {
            out.add(new Line(row("   " + b.id(), 10, b.address(), 22, b.controller() ? "controller" : "", 12,
                    b.up() ? "up" : "down", 8, link).stripTrailing(), b.up() ? Palette.TEXT : Palette.BAD, false));
        }
        List<ClusterState.Partition> parts = c.partitions();
        if (parts.isEmpty()) {
            return;
        }
        out.add(new Line(row("   partition", 18, "leader", 8, "isr", 8, "end", 11, "processed", 11, "lag", 9,
                "rate"), Palette.DIM, false));
        for (ClusterState.Partition p : parts) {
            String isr = p.isr().stream().map(String::valueOf).collect(Collectors.joining(","));
            out.add(new Line(row("   " + p.topic() + "/" + p.partition(), 18,
                    p.leader() < 0 ? "none" : String.valueOf(p.leader()), 8, isr, 8, count(p.end()), 11,
                    p.processed() < 0 ? "–" : count(p.processed()), 11, p.lag() < 0 ? "–" : count(p.lag()), 9,
                    Formats.rate(p.rate())), p.lag() > 0 ? Palette.WARN : Palette.TEXT, false));
        }
    }

    private void spark(List<Line> out, Frame f) {
        ClusterState c = f.cluster();
        MasterSnapshot m = c.master().orElse(null);
        String master = f.status().master();
        if (m == null && (master.equals("local") || master.startsWith("local["))) {
            out.add(Line.heading(" Spark  no standalone master (local mode, " + master + ")"));
        } else if (m == null) {
            // Being started, or not read yet: the master the pipeline runs on, as far as it is known.
            out.add(Line.heading(" Spark  master " + master + " · not read yet"));
        } else if (!m.answered()) {
            out.add(Line.heading(" Spark  master"));
            out.add(Line.bad("   the master's JSON at " + m.page() + " does not answer: " + m.error()));
        } else {
            out.add(Line.heading(" Spark  master " + m.url() + " " + m.state() + " · " + m.alive() + " of "
                    + m.workers().size() + " workers alive"));
            // Secured, the master ran this session's job, so it and its workers authenticate with the secret.
            String auth = c.secured() ? "secret, encrypted" : "";
            out.add(new Line(row("   worker", 24, "cores", 8, "memory", 14, "state", 8, "last heartbeat", 16,
                    c.secured() ? "link" : "").stripTrailing(), Palette.DIM, false));
            for (MasterSnapshot.Worker w : m.workers()) {
                out.add(new Line(row("   " + w.host(), 24, w.coresUsed() + "/" + w.cores(), 8,
                        w.memoryUsedMb() + "/" + w.memoryMb() + " MiB", 14, w.state(), 8,
                        time.format(Instant.ofEpochMilli(w.heartbeat())), 16, auth).stripTrailing(),
                        w.state().equals("ALIVE") ? Palette.TEXT : Palette.BAD, false));
            }
        }
        List<ClusterState.Executor> executors = c.executors();
        if (!executors.isEmpty()) {
            out.add(new Line(row("   executor", 12, "host", 22, "cores", 7, "active", 8, "failed", 8, "memory", 16,
                    "gc"), Palette.DIM, false));
            for (ClusterState.Executor e : executors) {
                out.add(new Line(row("   " + e.id(), 12, e.host(), 22, String.valueOf(e.cores()), 7,
                        String.valueOf(e.activeTasks()), 8, String.valueOf(e.failedTasks()), 8,
                        mib(e.memoryUsed()) + "/" + mib(e.maxMemory()) + " MiB", 16,
                        String.format(Locale.ROOT, "%.1f s", e.gcTimeMs() / 1000.0)),
                        e.failedTasks() > 0 ? Palette.WARN : Palette.TEXT, false));
            }
        }
        // The rates over the status row's span, not the last batch's momentary ones.
        PipelineStatus s = f.status();
        String input = s.inputPerSecond(f.now()).isPresent() ? Formats.rate(s.inputPerSecond(f.now()).getAsDouble())
                : "–";
        c.query().ifPresent(q -> out.add(Line.of(String.format(Locale.ROOT,
                "   query batch %d · trigger %s · last batch %d ms · input %s · processed %s (last %d s)", q.batchId(),
                q.trigger().isEmpty() ? "–" : q.trigger(), q.durationMs(), input,
                Formats.rate(s.countedPerSecond(f.now())), s.rateSpan().toSeconds()))));
    }

    private static void history(List<Line> out, MetricHistory h, int cols) {
        out.add(Line.heading(" History  last " + MetricHistory.SPAN.toMinutes() + " min, one sample every "
                + MetricHistory.EVERY.toSeconds() + " s"));
        int width = Math.max(8, cols - 3 - LABEL - 12 - 1);
        series(out, h, Metric.INPUT_RATE, "input", width);
        series(out, h, Metric.PROCESSED_RATE, "processed", width);
        series(out, h, Metric.BATCH_MS, "batch ms", width);
        series(out, h, Metric.STATE_ROWS, "state rows", width);
        series(out, h, Metric.LAG, "lag", width);
    }

    private static void series(List<Line> out, MetricHistory h, Metric m, String label, int width) {
        double v = h.current(m);
        String now = Double.isNaN(v) ? "–" : m == Metric.INPUT_RATE || m == Metric.PROCESSED_RATE
                ? Formats.rate(v) : count(Math.round(v));
        out.add(Line.of("   " + Text.pad(label, LABEL) + Text.pad(now, 12) + " " + spark(h.series(m), width)));
    }

    /**
     * The series as a sparkline of at most {@code width} characters: when longer, neighbouring samples merge
     * (their largest), so the whole span always shows. Rates keep two decimals in the scale.
     */
    static String spark(List<Double> values, int width) {
        int n = values.size();
        int per = Math.max(1, (n + width - 1) / width);
        List<Long> merged = new ArrayList<>();
        for (int i = 0; i < n; i += per) {
            double max = 0;
            for (int j = i; j < Math.min(n, i + per); j++) {
                double x = values.get(j);
                max = Double.isNaN(x) ? max : Math.max(max, x);
            }
            merged.add(Math.round(max * 100));
        }
        return Sparkline.of(merged);
    }

    /** The compact form for the status area: brokers, lag, master and workers, executors. */
    static String compact(ClusterState c) {
        List<String> parts = new ArrayList<>();
        List<HostOutage> lost = c.outages().open();
        if (!lost.isEmpty()) {
            parts.add("⚠ host" + (lost.size() == 1 ? " " : "s ")
                    + lost.stream().map(HostOutage::host).collect(Collectors.joining(", ")) + " lost");
        }
        List<ClusterState.Broker> brokers = c.brokers();
        long up = brokers.stream().filter(ClusterState.Broker::up).count();
        parts.add("kafka " + up + "/" + brokers.size() + " brokers up");
        parts.add(c.partitions().size() + " partitions");
        c.master().ifPresent(m -> parts.add(m.answered()
                ? "spark " + m.state() + " " + m.alive() + "/" + m.workers().size() + " workers"
                : "spark master does not answer"));
        if (!c.executors().isEmpty()) {
            parts.add(c.executors().size() + " executors");
        }
        c.query().ifPresent(q -> parts.add("batch " + q.batchId()));
        return " " + String.join(" · ", parts) + " · F2 cluster";
    }

    /** The lag for the status line, or empty while unknown. */
    static String lag(ClusterState c) {
        OptionalLong lag = c.lag();
        if (lag.isEmpty()) {
            return "";
        }
        return switch (c.trend()) {
            case CAUGHT_UP -> "lag 0, caught up";
            case FALLING_BEHIND -> "lag " + count(lag.getAsLong()) + " records, falling behind";
            case CATCHING_UP -> "lag " + count(lag.getAsLong()) + " records, catching up";
            case BEHIND -> "lag " + count(lag.getAsLong()) + " records, steady";
        };
    }

    static TextColor lagColor(ClusterState c) {
        return switch (c.trend()) {
            case CAUGHT_UP -> Palette.GOOD;
            case CATCHING_UP -> Palette.WARN;
            case FALLING_BEHIND, BEHIND -> Palette.BAD;
        };
    }

    /** Cells padded to their widths; the last cell takes what is left. */
    private static String row(Object... cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i += 2) {
            String cell = String.valueOf(cells[i]);
            if (i + 1 < cells.length) {
                int w = (Integer) cells[i + 1];
                b.append(Text.pad(Text.fit(cell, w - 1), w));
            } else {
                b.append(cell);
            }
        }
        return b.toString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }
}
