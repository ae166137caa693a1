package io.wordstream.console.cli;

import io.wordstream.common.PipelineSettings;
import io.wordstream.common.TokenizerMode;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** What the job counts and how it batches: the options of 'run' that end up in the job's arguments. */
public final class PipelineOptions {
    @Option(names = "--window", paramLabel = "DURATION", defaultValue = PipelineSettings.DEFAULT_WINDOW_TEXT,
            description = "Length of each event-time window, in whole seconds (default: ${DEFAULT-VALUE}).")
    Duration window;

    @Option(names = "--slide", paramLabel = "DURATION",
            description = "Distance between window starts; shorter than the window for sliding windows"
                    + " (default: the window, tumbling).")
    Duration slide;

    @Option(names = "--watermark", paramLabel = "DURATION",
            description = "How late a record may be and still count; older windows are closed and forgotten"
                    + " (default: the window).")
    Duration watermark;

    @Option(names = "--letters", paramLabel = "L[,L...]", split = ",",
            defaultValue = PipelineSettings.DEFAULT_LETTERS_TEXT,
            converter = TypedOptions.Letter.class,
            description = "First letters counted in the 'letter' dimension (default: ${DEFAULT-VALUE}).")
    List<String> letters;

    @Option(names = "--lengths", paramLabel = "N[,N...]", split = ",",
            defaultValue = PipelineSettings.DEFAULT_LENGTHS_TEXT,
            converter = TypedOptions.Length.class,
            description = "Word lengths counted in the 'length' dimension (default: ${DEFAULT-VALUE}).")
    List<Integer> lengths;

    @Option(names = "--tokenizer", paramLabel = "MODE", defaultValue = "default",
            converter = TypedOptions.Tokenizer.class, completionCandidates = TypedOptions.TokenizerNames.class,
            description = "One of ${COMPLETION-CANDIDATES}. default: Unicode words, lower-cased; seed: the original"
                    + " project's split on single spaces, case and empty tokens kept (default: default).")
    TokenizerMode tokenizer;

    @Option(names = "--text-field", paramLabel = "NAME", defaultValue = PipelineSettings.DEFAULT_TEXT_FIELD,
            description = "JSON field holding the sentence when a record is a JSON object (default: ${DEFAULT-VALUE}).")
    String textField;

    @Option(names = "--trigger", paramLabel = "DURATION", defaultValue = "0s",
            description = "Micro-batch interval; 0s runs the next batch as soon as the last is done"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration trigger;

    /** @throws IllegalArgumentException naming the option that is wrong */
    PipelineSettings toSettings() {
        return new PipelineSettings(window, slide == null ? window : slide, watermark == null ? window : watermark,
                letters, lengths, tokenizer, textField);
    }
}
