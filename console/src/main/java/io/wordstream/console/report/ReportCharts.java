package io.wordstream.console.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** Draws a report's charts with JFreeChart, off screen, as images to embed in a PDF or a mail. */
public final class ReportCharts {
    static {
        // Charts are drawn on servers and in terminals: never ask for a display.
        System.setProperty("java.awt.headless", "true");
    }

    /** Drawn at twice the size they are shown at, so that they stay sharp when zoomed or printed. */
    static final int SCALE = 2;
    private static final Color BAR = new Color(0x2F, 0x6F, 0xB5);
    private static final int LABEL_MAX = 24;

    private ReportCharts() {
    }

    /** The most frequent words as horizontal bars, each with its count. */
    public static BufferedImage topWords(List<ReportData.KeyTotal> words, int width, int height) {
        return bars("Top words", "word", words, PlotOrientation.HORIZONTAL, width, height);
    }

    /** Words per counted first letter. */
    public static BufferedImage letters(List<ReportData.KeyTotal> letters, int width, int height) {
        return bars("Words by first letter", "letter", letters, PlotOrientation.VERTICAL, width, height);
    }

    /** Words per counted length. */
    public static BufferedImage lengths(List<ReportData.KeyTotal> lengths, int width, int height) {
        return bars("Words by length", "length", lengths, PlotOrientation.VERTICAL, width, height);
    }

    /** The words counted in each window, over time. */
    public static BufferedImage wordsPerWindow(List<ReportData.WindowTotal> windows, int width, int height) {
        TimeSeries series = new TimeSeries("words");
        for (ReportData.WindowTotal w : windows) {
            series.addOrUpdate(new FixedMillisecond(w.start().toEpochMilli()), w.words());
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Words per window", "window start (UTC)", "words",
                new TimeSeriesCollection(series), false, false, false);
        XYPlot plot = chart.getXYPlot();
        plain(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        DateAxis axis = (DateAxis) plot.getDomainAxis();
        axis.setTimeZone(TimeZone.getTimeZone("UTC"));
        SimpleDateFormat format = new SimpleDateFormat("HH:mm:ss", Locale.ROOT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        axis.setDateFormatOverride(format);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, windows.size() <= 60);
        renderer.setSeriesPaint(0, BAR);
        plot.setRenderer(renderer);
        return draw(chart, width, height);
    }

    private static BufferedImage bars(String title, String axis, List<ReportData.KeyTotal> totals,
                                      PlotOrientation orientation, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ReportData.KeyTotal t : totals) {
            data.addValue(t.count(), "words", shorten(t.key()));
        }
        JFreeChart chart = ChartFactory.createBarChart(title, axis, "words", data, orientation, false, false, false);
        plain(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        // Room for the count printed past the longest bar.
        plot.getRangeAxis().setUpperMargin(0.15);
        if (orientation == PlotOrientation.HORIZONTAL) {
            // Every bar carries its count: the count axis would only repeat them.
            plot.getRangeAxis().setVisible(false);
            plot.getDomainAxis().setLabel(null);
        }
        return draw(chart, width, height);
    }

    /** Words may be up to 10,000 characters long: a chart shows their start. */
    static String shorten(String key) {
        return key.codePointCount(0, key.length()) <= LABEL_MAX ? key
                : key.substring(0, key.offsetByCodePoints(0, LABEL_MAX - 1)) + "…";
    }

    private static void plain(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        // Room on the right for the last tick label.
        chart.setPadding(new RectangleInsets(4, 4, 4, 18));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
    }

    private static BufferedImage draw(JFreeChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The image as PNG bytes, for a mail. */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
