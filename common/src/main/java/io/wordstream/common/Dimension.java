package io.wordstream.common;

/** The three ways words are counted. Names are the values of the {@code dimension} field in result rows. */
public enum Dimension {
    /** Every word, keyed by itself. */
    WORD("word"),
    /** Words whose first letter is one of the configured letters, keyed by that letter in upper case. */
    LETTER("letter"),
    /** Words whose length is one of the configured lengths, keyed by the length in decimal. */
    LENGTH("length");

    private final String id;

    Dimension(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
