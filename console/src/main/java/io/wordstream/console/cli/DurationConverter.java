package io.wordstream.console.cli;

import io.wordstream.common.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Reads {@code 10s}, {@code 500ms}, {@code 1m} for picocli, with the same words as the job. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            // Examples every duration option takes: windows refuse 500ms, so it is not offered.
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (examples: 10s, 2m, 1h)");
        }
    }
}
