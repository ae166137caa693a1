package io.wordstream.console.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.ArrayList;
import java.util.List;

/** The help screen: every key, in a bordered box that hides the dashboard under it. */
final class HelpView {
    /** A line of the help: keys and what they do, or (keys empty) a heading. */
    record Entry(String keys, String text) {
    }

    private static final int KEY_COLUMNS = 14;
    private static final String TITLE = "─ wordstream keys ";
    private static final String CLOSE = "─ press any key to close ";
    private static final String MORE = "… more: enlarge the terminal";

    private HelpView() {
    }

    /** Draws the help over everything but the status line: a bordered box, its text wrapped to fit. */
    static void draw(Pen pen, List<Entry> entries) {
        int width = Math.min(pen.cols - 4, 84);
        int inner = width - 4;
        List<String> lines = lines(entries, inner);
        // Everything under the box's rows is hidden, so no chart shows beside it.
        for (int r = 1; r < pen.rows; r++) {
            pen.put(0, r, " ".repeat(pen.cols), Integer.MAX_VALUE, TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT);
        }
        int room = pen.rows - 1 - 2;
        boolean cut = lines.size() > room;
        List<String> shown = cut ? new ArrayList<>(lines.subList(0, Math.max(0, room - 1))) : lines;
        if (cut) {
            shown.add(MORE);
        }
        int height = shown.size() + 2;
        int left = (pen.cols - width) / 2;
        int top = 1 + Math.max(0, (pen.rows - 1 - height) / 2);
        pen.put(left, top, "┌" + TITLE + "─".repeat(width - 2 - Text.width(TITLE)) + "┐", Palette.WARN, SGR.BOLD);
        for (int i = 0; i < shown.size(); i++) {
            String line = shown.get(i);
            boolean heading = !line.startsWith(" ") && !line.equals(MORE);
            int row = top + 1 + i;
            pen.put(left, row, "│ ", Palette.WARN);
            pen.put(left + 2, row, Text.pad(line, inner), inner, heading ? Palette.GOOD : Palette.BAR_FG,
                    TextColor.ANSI.DEFAULT);
            pen.put(left + 2 + inner, row, " │", Palette.WARN);
        }
        pen.put(left, top + height - 1, "└" + CLOSE + "─".repeat(width - 2 - Text.width(CLOSE)) + "┘",
                Palette.WARN);
    }

    /** The help's lines at {@code inner} columns: headings, then each key with its words wrapped beside it. */
    static List<String> lines(List<Entry> entries, int inner) {
        List<String> out = new ArrayList<>();
        int textColumns = inner - KEY_COLUMNS - 3;
        for (Entry e : entries) {
            if (e.keys().isEmpty()) {
                out.add(e.text());
                continue;
            }
            List<String> words = wrap(e.text(), textColumns);
            for (int i = 0; i < words.size(); i++) {
                out.add("  " + Text.pad(i == 0 ? e.keys() : "", KEY_COLUMNS) + " " + words.get(i));
            }
        }
        return out;
    }

    /** {@code text} broken at spaces into lines of at most {@code columns}. */
    private static List<String> wrap(String text, int columns) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && Text.width(line + " " + word) > columns) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        out.add(line.toString());
        return out;
    }
}
