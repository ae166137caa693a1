package io.wordstream.common;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * What is counted and over which windows. Built once, validated in the constructor, passed to the job unchanged.
 *
 * @param window    length of each event-time window
 * @param slide     distance between window starts; equal to {@code window} for tumbling windows
 * @param watermark how late a record may arrive and still be counted
 * @param letters   first letters counted in the {@code letter} dimension
 * @param lengths   word lengths counted in the {@code length} dimension
 * @param tokenizer how sentences become words
 * @param textField the JSON field that holds the sentence when a record is a JSON object
 */
public record PipelineSettings(Duration window, Duration slide, Duration watermark, List<String> letters,
                               List<Integer> lengths, TokenizerMode tokenizer, String textField)
        implements Serializable {

    /** Defaults as the command line writes them, so option annotations and code share one definition. */
    public static final String DEFAULT_WINDOW_TEXT = "10s";
    public static final String DEFAULT_LETTERS_TEXT = "S,P,R";
    public static final String DEFAULT_LENGTHS_TEXT = "6,8,11";

    public static final Duration DEFAULT_WINDOW = Durations.parse(DEFAULT_WINDOW_TEXT);
    public static final List<String> DEFAULT_LETTERS = JobConfig.splitList(DEFAULT_LETTERS_TEXT);
    public static final List<Integer> DEFAULT_LENGTHS = JobConfig.parseLengths(DEFAULT_LENGTHS_TEXT);
    public static final String DEFAULT_TEXT_FIELD = "resumo";

    public PipelineSettings {
        letters = List.copyOf(letters);
        lengths = List.copyOf(lengths);
        requireWholeSeconds("--window", window);
        if (window.isZero()) {
            throw new IllegalArgumentException("--window must be at least 1s");
        }
        requireWholeSeconds("--slide", slide);
        if (slide.isZero() || slide.compareTo(window) > 0) {
            throw new IllegalArgumentException("--slide must be between 1s and the window (" + Durations.format(window)
                    + "); use it only for sliding windows");
        }
        if (watermark.isNegative()) {
            throw new IllegalArgumentException("--watermark must not be negative");
        }
        for (String letter : letters) {
            if (letter.codePointCount(0, letter.length()) != 1 || !Character.isLetterOrDigit(letter.codePointAt(0))) {
                throw new IllegalArgumentException("--letters takes single letters separated by commas, got '"
                        + letter + "'");
            }
        }
        for (int length : lengths) {
            if (length < 1) {
                throw new IllegalArgumentException("--lengths takes positive whole numbers, got " + length);
            }
        }
        if (textField == null || textField.isBlank()) {
            throw new IllegalArgumentException("--text-field must name a JSON field, for example resumo");
        }
    }

    /** The defaults: 10 s tumbling windows, a watermark of one window, letters S P R, lengths 6 8 11. */
    public static PipelineSettings defaults() {
        return new PipelineSettings(DEFAULT_WINDOW, DEFAULT_WINDOW, DEFAULT_WINDOW, DEFAULT_LETTERS, DEFAULT_LENGTHS,
                TokenizerMode.UNICODE, DEFAULT_TEXT_FIELD);
    }

    /** True when windows overlap, that is when each record is counted in more than one window. */
    public boolean sliding() {
        return slide.compareTo(window) < 0;
    }

    private static void requireWholeSeconds(String option, Duration d) {
        if (d.isNegative() || d.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException(option + " must be a whole number of seconds, got "
                    + Durations.format(d) + " (result rows carry window bounds to the second)");
        }
    }
}
