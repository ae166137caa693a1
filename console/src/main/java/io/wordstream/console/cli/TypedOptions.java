package io.wordstream.console.cli;

import io.wordstream.common.JobConfig;
import io.wordstream.common.TokenizerMode;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters and candidate lists for the options whose values are more than a string. */
final class TypedOptions {
    private TypedOptions() {
    }

    /** A value refused with a message that names the option and what it takes. */
    static final class Refused extends TypeConversionException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** One letter or digit, kept as typed: the job compares first letters as its tokenizer writes them. */
    static final class Letter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.strip();
            if (v.codePointCount(0, v.length()) != 1 || !Character.isLetterOrDigit(v.codePointAt(0))) {
                throw new Refused("--letters takes single letters separated by commas, got '"
                        + value + "'");
            }
            return v;
        }
    }

    /** A positive word length. */
    static final class Length implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // the message below says what is expected
            }
            throw new Refused("--lengths takes positive whole numbers separated by commas, got '"
                    + value + "'");
        }
    }

    static final class Tokenizer implements ITypeConverter<TokenizerMode> {
        @Override
        public TokenizerMode convert(String value) {
            try {
                return TokenizerMode.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new Refused(e.getMessage());
            }
        }
    }

    static final class TokenizerNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(TokenizerMode.values()).map(TokenizerMode::cliName).iterator();
        }
    }

    static final class Source implements ITypeConverter<JobConfig.Source> {
        @Override
        public JobConfig.Source convert(String value) {
            try {
                return JobConfig.Source.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new Refused(e.getMessage());
            }
        }
    }

    static final class SourceNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(JobConfig.Source.values()).map(JobConfig.Source::cliName).iterator();
        }
    }
}
