package io.wordstream.console.tui;

import com.googlecode.lanterna.TerminalTextUtils;

/**
 * Text measured in terminal columns, not in chars: CJK and emoji take two columns, control characters none that a
 * terminal would draw. Everything the views print goes through here, so a sentence of any script cannot push a
 * chart out of line.
 */
final class Text {
    static final String ELLIPSIS = "…";

    private Text() {
    }

    /** The text with control characters (which would move the cursor or change colours) shown as '?'. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE) {
                b.append('?');
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    /** Columns one code point takes on a terminal. */
    static int columns(int codePoint) {
        if (Character.isSupplementaryCodePoint(codePoint)) {
            return 2; // emoji and the rarer CJK ideographs
        }
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return 0;
        }
        return TerminalTextUtils.isCharDoubleWidth((char) codePoint) ? 2 : 1;
    }

    /** Columns the text takes. */
    static int width(String s) {
        return s.codePoints().map(Text::columns).sum();
    }

    /** The text cut to at most {@code cols} columns, ending with an ellipsis when something was cut. */
    static String fit(String s, int cols) {
        if (cols <= 0) {
            return "";
        }
        if (width(s) <= cols) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int w = columns(cp);
            if (used + w > cols - 1) {
                break;
            }
            b.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return b + ELLIPSIS;
    }

    /** The text fitted to exactly {@code cols} columns: cut, or padded on the right with spaces. */
    static String pad(String s, int cols) {
        String f = fit(s, cols);
        return f + " ".repeat(Math.max(0, cols - width(f)));
    }

    /** The text fitted to exactly {@code cols} columns, aligned to the right. */
    static String padLeft(String s, int cols) {
        String f = fit(s, cols);
        return " ".repeat(Math.max(0, cols - width(f))) + f;
    }
}
