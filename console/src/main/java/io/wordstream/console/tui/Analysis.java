package io.wordstream.console.tui;

import io.wordstream.common.PipelineSettings;
import io.wordstream.common.Tokenizer;
import io.wordstream.console.model.EndToEnd;
import io.wordstream.console.model.StopWords;
import io.wordstream.console.model.WindowCounts;
import io.wordstream.console.model.WordHistory;
import io.wordstream.console.settings.Install;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The operator's analysis of the counts: a word found with {@code /} and pinned under the timeline, the range of the
 * top words ({@code t}), stop words hidden or shown ({@code s}), and each typed sentence's time from Enter to its
 * counts. State only, changed by the controller on the UI thread; {@link AnalysisView} draws it.
 */
final class Analysis {
    /** The ranges {@code t} steps through: 0 is off (per window only), -1 all windows kept. */
    static final int[] RANGES = {0, 10, 60, -1};

    private final Supplier<StopWords> stopWordsSource;
    private StopWords stopWords;
    private EndToEnd endToEnd;
    private boolean searching;
    private String pinned;
    private int range;
    private boolean stopWordsHidden;

    /** With the stop word lists of the install's {@code config/}, read when first hidden. */
    Analysis() {
        this(() -> StopWords.load(Install.current().configDir()));
    }

    Analysis(Supplier<StopWords> stopWords) {
        this.stopWordsSource = stopWords;
    }

    // ---- find a word ----

    /** The input line takes a word to find from now on. */
    void startSearch(ViewState view) {
        searching = true;
        view.mode = ViewState.Mode.TYPING;
        view.say(ViewState.Tone.INFO, "find a word: type it and press Enter (Esc: cancel)");
    }

    void cancelSearch() {
        searching = false;
    }

    boolean searching() {
        return searching;
    }

    /** Pins {@code typed} when a window kept counts it; else says so in one line and keeps the last pin. */
    void find(String typed, WindowCounts counts, ViewState view) {
        searching = false;
        String word = typed.strip();
        if (word.isEmpty()) {
            pinned = null;
            view.say(ViewState.Tone.INFO, "pin removed");
            return;
        }
        String found = WordHistory.appears(counts, word) ? word
                : WordHistory.appears(counts, word.toLowerCase(Locale.ROOT)) ? word.toLowerCase(Locale.ROOT) : null;
        if (found == null) {
            view.say(ViewState.Tone.WARN, "'" + Text.fit(Text.printable(word), 30) + "' is in none of the "
                    + counts.size() + " windows kept");
            return;
        }
        pinned = found;
        view.say(ViewState.Tone.GOOD, "'" + Text.fit(Text.printable(found), 30) + "' pinned under the timeline"
                + " (/ and an empty line: unpin)");
    }

    /** The word pinned under the timeline, or null. */
    String pinned() {
        return pinned;
    }

    // ---- top words over a range ----

    /** Steps to the next range: per window only, the last 10, the last 60, all windows kept. */
    void cycleRange(ViewState view) {
        range = (range + 1) % RANGES.length;
        view.say(ViewState.Tone.INFO, range == 0 ? "top words: per window only" : "top words over " + rangeName());
    }

    /** Windows the range covers: 0 for none (per window only), -1 for all kept. */
    int rangeWindows() {
        return RANGES[range];
    }

    String rangeName() {
        int n = RANGES[range];
        return n < 0 ? "all windows kept" : "the last " + n + " windows";
    }

    // ---- stop words ----

    void toggleStopWords(ViewState view) {
        if (stopWords == null) {
            stopWords = stopWordsSource.get();
        }
        stopWordsHidden = !stopWordsHidden;
        view.say(ViewState.Tone.INFO, stopWordsHidden ? "stop words hidden (" + stopWords.size()
                + " words of config/" + StopWords.PORTUGUESE + " and " + StopWords.ENGLISH + ")" : "stop words shown");
    }

    boolean stopWordsHidden() {
        return stopWordsHidden;
    }

    /** True for a word the charts show. */
    boolean shown(String word) {
        return !stopWordsHidden || !stopWords.contains(word);
    }

    /** The window as the charts show it: without stop words when they are hidden. */
    WindowCounts.Window visible(WindowCounts.Window w) {
        if (!stopWordsHidden || w == null) {
            return w;
        }
        Map<String, Map<String, Long>> counts = new HashMap<>(w.counts());
        Map<String, Long> words = new HashMap<>(counts.getOrDefault("word", Map.of()));
        words.keySet().removeIf(stopWords::contains);
        counts.put("word", words);
        return new WindowCounts.Window(w.start(), w.end(), counts);
    }

    // ---- end-to-end time of typed sentences ----

    void sent(String sentence, PipelineSettings pipeline, long now) {
        if (endToEnd == null) {
            endToEnd = new EndToEnd(new Tokenizer(pipeline.tokenizer()));
        }
        endToEnd.sent(sentence, now);
    }

    /** Words whose counts rows raised at {@code now}: the sentences they complete show their time. */
    void raised(Set<String> words, long now, ViewState view) {
        if (endToEnd == null || words.isEmpty()) {
            return;
        }
        List<EndToEnd.Counted> done = endToEnd.counted(words, now);
        for (EndToEnd.Counted c : done) {
            String time = Formats.seconds(c.nanos());
            String acked = "✓ acknowledged " + quote(c.sentence());
            if (view.feedback.startsWith(acked) && !view.feedback.contains(" · counted in ")) {
                // The time goes first: on a narrow screen the acknowledgement's place is what is cut.
                view.say(ViewState.Tone.GOOD, acked + " · counted in " + time
                        + view.feedback.substring(acked.length()));
            } else {
                view.say(ViewState.Tone.GOOD, "counted " + quote(c.sentence()) + " in " + time + " from Enter");
            }
        }
    }

    private static String quote(String sentence) {
        return "'" + Text.fit(Text.printable(sentence), 40) + "'";
    }
}
