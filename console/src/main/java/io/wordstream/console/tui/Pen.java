package io.wordstream.console.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;

/** Writes text fitted to the screen's columns, in a colour, so no view can draw past the edge or wrap. */
final class Pen {
    private final TextGraphics g;
    final int cols;
    final int rows;

    Pen(TextGraphics g, TerminalSize size) {
        this.g = g;
        this.cols = size.getColumns();
        this.rows = size.getRows();
    }

    /** Writes {@code text} at a position, cut at {@code maxCols} and at the right edge; returns the next column. */
    int put(int col, int row, String text, int maxCols, TextColor fg, TextColor bg, SGR... styles) {
        if (row < 0 || row >= rows || col >= cols) {
            return col;
        }
        String s = Text.fit(Text.printable(text), Math.min(maxCols, cols - col));
        g.setForegroundColor(fg);
        g.setBackgroundColor(bg);
        if (styles.length > 0) {
            g.putString(col, row, s, styles[0], styles);
        } else {
            g.putString(col, row, s);
        }
        return col + Text.width(s);
    }

    int put(int col, int row, String text, TextColor fg, SGR... styles) {
        return put(col, row, text, Integer.MAX_VALUE, fg, TextColor.ANSI.DEFAULT, styles);
    }

    /** Fills a whole row with a background colour. */
    void band(int row, TextColor bg) {
        put(0, row, " ".repeat(cols), Integer.MAX_VALUE, TextColor.ANSI.DEFAULT, bg);
    }
}
