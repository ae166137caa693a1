package io.wordstream.common;

import java.util.Locale;

/** Which rules turn a sentence into words. */
public enum TokenizerMode {
    /** Unicode-aware words, lower-cased: what an operator means by "word". */
    UNICODE,
    /**
     * The original project's rule, kept so its numbers can be reproduced: split on single spaces, case kept, empty
     * tokens counted.
     */
    SEED;

    /** The name used on the command line. */
    public String cliName() {
        return this == UNICODE ? "default" : "seed";
    }

    /** Reads a command-line name ({@code default} or {@code seed}). */
    public static TokenizerMode fromCliName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "default", "unicode" -> UNICODE;
            case "seed" -> SEED;
            default -> throw new IllegalArgumentException("'" + name + "' is not a tokenizer (choose default or seed)");
        };
    }
}
