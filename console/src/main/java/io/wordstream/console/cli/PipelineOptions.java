package io.wordstream.console.cli;

import io.wordstream.common.JobConfig;
import io.wordstream.common.PipelineSettings;
import io.wordstream.common.TokenizerMode;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** What the job counts and how it batches: the options of 'run' that end up in the job's arguments. */
public final class PipelineOptions {
    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Length of each event-time window (default: ${DEFAULT-VALUE}).")
    Duration window;

    @Option(names = "--slide", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Distance between window starts; shorter than the window for sliding windows"
                    + " (default: the window, tumbling).")
    Duration slide;

    @Option(names = "--watermark", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How late a record may be and still count; older windows are closed and forgotten"
                    + " (default: the window).")
    Duration watermark;

    @Option(names = "--letters", paramLabel = "L[,L...]", defaultValue = "S,P,R",
            description = "First letters counted in the 'letter' dimension (default: ${DEFAULT-VALUE}).")
    String letters;

    @Option(names = "--lengths", paramLabel = "N[,N...]", defaultValue = "6,8,11",
            description = "Word lengths counted in the 'length' dimension (default: ${DEFAULT-VALUE}).")
    String lengths;

    @Option(names = "--tokenizer", paramLabel = "default|seed", defaultValue = "default",
            description = "default: Unicode words, lower-cased; seed: the original project's split on spaces"
                    + " (default: ${DEFAULT-VALUE}).")
    String tokenizer;

    @Option(names = "--text-field", paramLabel = "NAME", defaultValue = PipelineSettings.DEFAULT_TEXT_FIELD,
            description = "JSON field holding the sentence when a record is a JSON object (default: ${DEFAULT-VALUE}).")
    String textField;

    @Option(names = "--trigger", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
            description = "Micro-batch interval; 0s runs the next batch as soon as the last is done"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration trigger;

    /** @throws IllegalArgumentException naming the option that is wrong */
    PipelineSettings toSettings() {
        return new PipelineSettings(window, slide == null ? window : slide, watermark == null ? window : watermark,
                JobConfig.splitList(letters), JobConfig.parseLengths(lengths), TokenizerMode.fromCliName(tokenizer),
                textField);
    }

    List<String> letterList() {
        return JobConfig.splitList(letters);
    }
}
