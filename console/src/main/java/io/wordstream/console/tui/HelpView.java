package io.wordstream.console.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;

/** The help screen: every key, in a box over the dashboard. */
final class HelpView {
    private static final String[][] KEYS = {
        {"", "While typing (the default)"},
        {"Enter", "send the line to Kafka, one record (a pasted block: one record per line)"},
        {"Esc", "keys mode: single keys below act as commands"},
        {"←/→ Home/End", "move in the line; Ctrl-U deletes to its start"},
        {"", "Always"},
        {"PgUp/PgDn", "older / newer window"},
        {"Tab", "switch the focused dimension: words, letters, lengths"},
        {"F1", "this help"},
        {"Ctrl-C", "quit: stops the job and the broker"},
        {"", "Keys mode"},
        {"←/→", "older / newer window; the newest follows new windows"},
        {"End / Home", "follow the newest window / the oldest kept"},
        {"r", "restart the Spark job from its checkpoint (asks first)"},
        {"c", "clear the view (windows updated later show again)"},
        {"l", "show or hide the job and broker logs"},
        {"?", "this help"},
        {"i or Enter", "back to typing"},
        {"q", "quit: stops the job and the broker"},
    };

    private HelpView() {
    }

    static void draw(Pen pen) {
        int width = Math.min(pen.cols - 4, 84);
        int height = Math.min(pen.rows - 2, KEYS.length + 4);
        int left = (pen.cols - width) / 2;
        int top = Math.max(1, (pen.rows - height) / 2);
        for (int r = 0; r < height; r++) {
            pen.put(left, top + r, " ".repeat(width), Integer.MAX_VALUE, Palette.BAR_FG, TextColor.ANSI.BLACK);
        }
        pen.put(left + 2, top, "wordstream keys", Integer.MAX_VALUE, Palette.WARN, TextColor.ANSI.BLACK, SGR.BOLD);
        int row = top + 1;
        for (String[] k : KEYS) {
            if (row >= top + height - 1) {
                break;
            }
            if (k[0].isEmpty()) {
                pen.put(left + 2, row, k[1], width - 4, Palette.GOOD, TextColor.ANSI.BLACK, SGR.BOLD);
            } else {
                pen.put(left + 4, row, Text.pad(k[0], 14), 14, Palette.WARN, TextColor.ANSI.BLACK);
                pen.put(left + 19, row, k[1], width - 21, Palette.BAR_FG, TextColor.ANSI.BLACK);
            }
            row++;
        }
        pen.put(left + 2, top + height - 1, "press any key to close", Integer.MAX_VALUE, Palette.DIM,
                TextColor.ANSI.BLACK);
    }
}
