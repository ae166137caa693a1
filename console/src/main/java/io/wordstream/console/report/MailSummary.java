package io.wordstream.console.report;

import java.util.List;
import java.util.Locale;

/**
 * The body of a report mail: the period and its totals as HTML, with the top-words chart as an inline image.
 *
 * @param subject  the mail's subject
 * @param html     the body, which shows the chart through {@code cid:} {@link #CHART_ID}
 * @param chartPng the chart, or null when the period is empty
 */
public record MailSummary(String subject, String html, byte[] chartPng) {
    /** The Content-ID of the inline chart. */
    public static final String CHART_ID = "top-words@wordstream";
    private static final int WORDS = 10;

    /** The summary of a report that was written. */
    public static MailSummary of(ReportMaker.Made report) {
        ReportData data = report.data();
        String subject = "wordstream report " + data.period().shown() + ": "
                + String.format(Locale.ROOT, "%,d words", data.totalWords());
        StringBuilder h = new StringBuilder();
        h.append("<html><body style=\"font-family: sans-serif\">");
        h.append("<h2>wordstream report</h2>");
        h.append("<p>Period: ").append(escape(data.period().shown())).append("</p>");
        byte[] png = null;
        if (data.empty()) {
            h.append("<p>This period is empty: no window starting in it has counts.</p>");
        } else {
            h.append(String.format(Locale.ROOT, "<p>%,d words in %,d windows; %,d different words.</p>",
                    data.totalWords(), data.windows().size(), data.distinctWords()));
            List<ReportData.KeyTotal> top = data.topWords().subList(0, Math.min(WORDS, data.topWords().size()));
            png = ReportCharts.png(ReportCharts.topWords(top, 560, 300));
            h.append("<p><img src=\"cid:").append(CHART_ID).append("\" alt=\"top words\" width=\"560\""
                    + " height=\"300\"></p>");
            h.append("<table cellpadding=\"3\"><tr><th align=\"left\">word</th><th align=\"right\">count</th></tr>");
            for (ReportData.KeyTotal w : top) {
                h.append("<tr><td>").append(escape(PdfReport.clip(w.key(), 50))).append("</td><td align=\"right\">")
                        .append(String.format(Locale.ROOT, "%,d", w.count())).append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append(String.format(Locale.ROOT, "<p style=\"color: gray\">The full report is attached (%s). %,d rows"
                + " read, %,d malformed rows skipped.</p>", escape(report.file().getFileName().toString()),
                data.rowsRead(), data.malformed()));
        h.append("</body></html>");
        return new MailSummary(subject, h.toString(), png);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
