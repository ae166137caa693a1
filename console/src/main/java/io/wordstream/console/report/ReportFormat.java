package io.wordstream.console.report;

import java.util.Locale;

/** What a report is written as. */
public enum ReportFormat {
    /** Pages with the period, the settings, totals and charts. */
    PDF,
    /** The final count of every (window, dimension, key) of the period, one CSV line each. */
    CSV,
    /** The same counts as JSON lines, in the results topic's own format. */
    JSON;

    /** The file name extension, which is also the name the option takes. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
