package io.wordstream.bench;

import io.wordstream.bench.curve.RateStep;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The latency-throughput curves as a PNG image, drawn with JFreeChart: p50 and p99 against the rate, log scales. */
final class CurveChart {
    static {
        // Drawn in a terminal session: never ask for a display.
        System.setProperty("java.awt.headless", "true");
    }

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;

    private CurveChart() {
    }

    static void write(List<SubjectResult> results, Path png) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (SubjectResult r : results) {
            XYSeries p99 = new XYSeries(r.name() + " p99", false);
            XYSeries p50 = new XYSeries(r.name() + " p50", false);
            for (RateStep s : r.curve()) {
                if (s.latency().n() > 0) {
                    // A log axis has no zero: a latency under a millisecond is drawn at one.
                    p99.add(s.rate(), Math.max(1, s.latency().p99()));
                    p50.add(s.rate(), Math.max(1, s.latency().p50()));
                }
            }
            data.addSeries(p99);
            data.addSeries(p50);
        }
        LogAxis rate = new LogAxis("sentences per second (steady, scheduled)");
        LogAxis latency = new LogAxis("latency from scheduled send, ms");
        for (LogAxis axis : List.of(rate, latency)) {
            // A tick at each power of ten, written as a plain number.
            axis.setTickUnit(new NumberTickUnit(1.0));
            axis.setNumberFormatOverride(new DecimalFormat("#,##0"));
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Color[] colours = {new Color(0x2F, 0x6F, 0xB5), new Color(0x8C, 0x56, 0x4B), new Color(0xD6, 0x27, 0x28),
            new Color(0x2C, 0xA0, 0x2C)};
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, colours[(i / 2) % colours.length]);
            if (i % 2 == 1) {
                renderer.setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                        new float[] {6, 4}, 0));
            }
        }
        XYPlot plot = new XYPlot(data, rate, latency, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ValueMarker bound = new ValueMarker(RateStep.P99_LIMIT_MS, Color.GRAY, new BasicStroke(1f));
        bound.setLabel("p99 bound of the latency-bounded throughput (1 s)");
        bound.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        bound.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(bound);
        JFreeChart chart = new JFreeChart("Latency-throughput curve (solid p99, dashed p50)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plot to " + png, e);
        }
    }
}
