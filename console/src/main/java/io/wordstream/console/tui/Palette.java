package io.wordstream.console.tui;

import com.googlecode.lanterna.TextColor;
import io.wordstream.common.Dimension;
import io.wordstream.console.model.PipelineStatus;

/** The colours of the views, in one place so they stay consistent. */
final class Palette {
    static final TextColor BAR_BG = TextColor.ANSI.BLUE;
    static final TextColor BAR_FG = TextColor.ANSI.WHITE_BRIGHT;
    static final TextColor DIM = TextColor.ANSI.WHITE;
    static final TextColor TEXT = TextColor.ANSI.DEFAULT;
    static final TextColor GOOD = TextColor.ANSI.GREEN_BRIGHT;
    static final TextColor WARN = TextColor.ANSI.YELLOW_BRIGHT;
    static final TextColor BAD = TextColor.ANSI.RED_BRIGHT;

    private Palette() {
    }

    static TextColor of(Dimension d) {
        return switch (d) {
            case WORD -> TextColor.ANSI.CYAN_BRIGHT;
            case LETTER -> TextColor.ANSI.YELLOW_BRIGHT;
            case LENGTH -> TextColor.ANSI.MAGENTA_BRIGHT;
        };
    }

    static TextColor of(PipelineStatus.Phase p) {
        return switch (p) {
            case RUNNING -> GOOD;
            case STARTING, RESTARTING, STOPPING -> WARN;
            case FAILED -> BAD;
            case STOPPED -> DIM;
        };
    }

    static TextColor of(ViewState.Tone t) {
        return switch (t) {
            case INFO -> TEXT;
            case GOOD -> GOOD;
            case WARN -> WARN;
            case BAD -> BAD;
        };
    }
}
