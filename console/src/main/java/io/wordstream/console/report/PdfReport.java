package io.wordstream.console.report;

import io.wordstream.common.Durations;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * Writes a report as a PDF with PDFBox: the period, the job's settings and the totals, then the charts drawn by
 * {@link ReportCharts} as embedded images, a table of the top words, and the skipped rows in every page's footer.
 */
public final class PdfReport {
    /** Top words in the table (the chart shows fewer, to stay legible). */
    public static final int TABLE_WORDS = 20;
    static final int CHART_WORDS = 15;
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    // A font with most of Unicode where the system has one (words may be in any script), else PDF's own Helvetica.
    private static final List<Path> UNICODE_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"));
    private static final List<Path> UNICODE_BOLD_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"));

    /**
     * Where the report's rows came from and when it was made.
     *
     * @param topic     the results topic
     * @param bootstrap the Kafka it was read from
     * @param madeAt    when the report was made
     */
    public record Origin(String topic, String bootstrap, Instant madeAt) {
    }

    private PdfReport() {
    }

    /** Writes the report to {@code file}, through a temporary file so that a half-written PDF never has its name. */
    public static void write(ReportData data, ReportSettings settings, Origin origin, Path file) {
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (PDDocument doc = new PDDocument()) {
                new Pages(doc).write(data, settings, origin);
                doc.getDocumentInformation().setTitle("wordstream report " + data.period().shown());
                doc.getDocumentInformation().setCreator("wordstream");
                doc.save(temp.toFile());
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    /** The pages of one document, drawn top to bottom. */
    private static final class Pages {
        private final PDDocument doc;
        private final PDFont regular;
        private final PDFont bold;
        private final boolean unicode;
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream out;
        private float y;

        Pages(PDDocument doc) throws IOException {
            this.doc = doc;
            Path regularFile = UNICODE_FONTS.stream().filter(Files::isReadable).findFirst().orElse(null);
            Path boldFile = UNICODE_BOLD_FONTS.stream().filter(Files::isReadable).findFirst().orElse(null);
            unicode = regularFile != null && boldFile != null;
            if (unicode) {
                regular = PDType0Font.load(doc, regularFile.toFile());
                bold = PDType0Font.load(doc, boldFile.toFile());
            } else {
                regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
                bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            }
        }

        void write(ReportData data, ReportSettings settings, Origin origin) throws IOException {
            newPage();
            line(bold, 20, "wordstream report");
            y -= 4;
            line(bold, 12, "Period: " + data.period().shown());
            line(regular, 9, "Made " + TIME.format(origin.madeAt()) + " from topic '" + origin.topic()
                    + "' on Kafka at " + origin.bootstrap() + ".");
            y -= 6;
            line(bold, 11, "Settings");
            line(regular, 10, String.format(Locale.ROOT, "window %s, slide %s, watermark %s", settings.get("--window"),
                    settings.get("--slide"), settings.get("--watermark")));
            line(regular, 10, String.format(Locale.ROOT, "letters %s, lengths %s, tokenizer %s",
                    settings.get("--letters"), settings.get("--lengths"), settings.get("--tokenizer")));
            line(regular, 8, "(" + settings.source() + ")");
            y -= 6;
            line(bold, 11, "Totals");
            if (data.empty()) {
                line(regular, 10, "This period is empty: no window starting in it has counts on topic '"
                        + origin.topic() + "'.");
                line(regular, 10, "Check the period, or whether the pipeline was running and sent sentences then.");
                finish(data);
                return;
            }
            ReportData.WindowTotal busiest = data.busiestWindow();
            line(regular, 10, String.format(Locale.ROOT, "%,d words in %,d windows of %s; %,d different words;"
                            + " %,.1f words per window on average.", data.totalWords(), data.windows().size(),
                    Durations.format(data.windowLength()), data.distinctWords(),
                    (double) data.totalWords() / data.windows().size()));
            line(regular, 10, String.format(Locale.ROOT, "Busiest window: %s to %s, %,d words.",
                    TIME.format(busiest.start()), CLOCK.format(busiest.end()), busiest.words()));
            y -= 8;
            List<ReportData.KeyTotal> chartWords = data.topWords().subList(0,
                    Math.min(CHART_WORDS, data.topWords().size()));
            image(ReportCharts.topWords(chartWords, (int) WIDTH, 250), WIDTH, 250);
            y -= 10;
            table(data);

            newPage();
            float half = (WIDTH - 15) / 2;
            float top = y;
            image(ReportCharts.letters(data.letters(), (int) half, 220), half, 220);
            y = top;
            imageAt(ReportCharts.lengths(data.lengths(), (int) half, 220), MARGIN + half + 15, half, 220);
            y -= 20;
            image(ReportCharts.wordsPerWindow(data.windows(), (int) WIDTH, 280), WIDTH, 280);
            finish(data);
        }

        private void table(ReportData data) throws IOException {
            line(bold, 11, "Top words over the period");
            float[] columns = {MARGIN, MARGIN + 30, MARGIN + 330, MARGIN + 420};
            text(bold, 9, columns[0], "#");
            text(bold, 9, columns[1], "word");
            text(bold, 9, columns[2], "count");
            text(bold, 9, columns[3], "share of words");
            y -= 12;
            int rank = 1;
            for (ReportData.KeyTotal w : data.topWords().subList(0, Math.min(TABLE_WORDS, data.topWords().size()))) {
                text(regular, 9, columns[0], String.valueOf(rank++));
                text(regular, 9, columns[1], clip(w.key(), 50));
                text(regular, 9, columns[2], String.format(Locale.ROOT, "%,d", w.count()));
                text(regular, 9, columns[3], String.format(Locale.ROOT, "%.2f %%", 100.0 * w.count()
                        / data.totalWords()));
                y -= 12;
            }
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            pages.add(page);
            out = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void line(PDFont font, float size, String s) throws IOException {
            text(font, size, MARGIN, s);
            y -= size + 5;
        }

        private void text(PDFont font, float size, float x, String s) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y - size);
            out.showText(printable(s));
            out.endText();
        }

        private void image(BufferedImage image, float width, float height) throws IOException {
            imageAt(image, MARGIN, width, height);
        }

        private void imageAt(BufferedImage image, float x, float width, float height) throws IOException {
            out.drawImage(LosslessFactory.createFromImage(doc, image), x, y - height, width, height);
            y -= height;
        }

        /** Closes the last page and writes every page's footer, which names the rows skipped. */
        private void finish(ReportData data) throws IOException {
            out.close();
            String footer = String.format(Locale.ROOT, "Rows read from the results topic: %,d; malformed rows"
                    + " skipped: %,d.", data.rowsRead(), data.malformed());
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream s = new PDPageContentStream(doc, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    s.beginText();
                    s.setFont(regular, 8);
                    s.newLineAtOffset(MARGIN, 30);
                    s.showText(printable(footer + "   Page " + (i + 1) + " of " + pages.size() + "."));
                    s.endText();
                }
            }
        }

        /** Helvetica has no glyphs beyond Latin-1: without a Unicode font, other characters become '?'. */
        private String printable(String s) {
            StringBuilder b = new StringBuilder(s.length());
            s.codePoints().forEach(c -> {
                if (Character.isISOControl(c)) {
                    b.append(' ');
                } else if (unicode ? hasGlyph(c) : c <= 0xFF) {
                    b.appendCodePoint(c);
                } else {
                    b.append('?');
                }
            });
            return b.toString();
        }

        private boolean hasGlyph(int codePoint) {
            String c = new String(Character.toChars(codePoint));
            try {
                regular.encode(c);
                bold.encode(c);
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
    }

    /** A word cut to {@code max} characters for the table. */
    static String clip(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
