package io.wordstream.console.tui;

/**
 * The input line: text and a cursor, edited by keystrokes. Positions count chars, kept on code point boundaries so
 * an emoji is never split.
 */
final class LineEditor {
    /** A line longer than this is surely a mistake (a paste of a whole file without newlines): the rest is cut. */
    static final int MAX_CHARS = 100_000;

    private final StringBuilder text = new StringBuilder();
    private int cursor;

    String text() {
        return text.toString();
    }

    int cursor() {
        return cursor;
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    void insert(String s) {
        if (text.length() + s.length() > MAX_CHARS) {
            return;
        }
        text.insert(cursor, s);
        cursor += s.length();
    }

    void backspace() {
        if (cursor > 0) {
            int start = text.offsetByCodePoints(cursor, -1);
            text.delete(start, cursor);
            cursor = start;
        }
    }

    void delete() {
        if (cursor < text.length()) {
            text.delete(cursor, text.offsetByCodePoints(cursor, 1));
        }
    }

    void left() {
        if (cursor > 0) {
            cursor = text.offsetByCodePoints(cursor, -1);
        }
    }

    void right() {
        if (cursor < text.length()) {
            cursor = text.offsetByCodePoints(cursor, 1);
        }
    }

    void home() {
        cursor = 0;
    }

    void end() {
        cursor = text.length();
    }

    /** Deletes from the start of the line to the cursor, as Ctrl-U does in a shell. */
    void deleteToStart() {
        text.delete(0, cursor);
        cursor = 0;
    }

    /** Returns the line and empties the editor. */
    String take() {
        String s = text.toString();
        text.setLength(0);
        cursor = 0;
        return s;
    }
}
