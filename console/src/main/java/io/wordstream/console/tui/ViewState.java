package io.wordstream.console.tui;

import io.wordstream.common.Dimension;
import java.time.Instant;

/** What the operator chose to see and is typing: everything on screen that is not data from the pipeline. */
final class ViewState {
    /** Whether keys go to the input line or are commands. */
    enum Mode { TYPING, KEYS }

    /** How the last message on the feedback line should look. */
    enum Tone { INFO, GOOD, WARN, BAD }

    Mode mode = Mode.TYPING;
    /** The window shown, by its start; null to follow the newest. */
    Instant selected;
    Dimension focus = Dimension.WORD;
    boolean help;
    boolean logs;
    boolean confirmRestart;
    final LineEditor input = new LineEditor();
    /** The word pinned, the top words' range, stop words, end-to-end times: see {@link Analysis}. */
    final Analysis analysis = new Analysis();

    long sent;
    long acked;
    long failed;
    String feedback = "";
    Tone tone = Tone.INFO;
    /** When the wait the feedback line names began ({@code System.nanoTime()}), or -1 when it names none. */
    long waitingSince = -1;

    void say(Tone tone, String message) {
        this.tone = tone;
        this.feedback = message;
        this.waitingSince = -1;
    }

    /** Names something being waited for: the line shows its elapsed time, so the screen never looks hung. */
    void sayWaiting(Tone tone, String message, long now) {
        say(tone, message);
        this.waitingSince = now;
    }

    boolean following() {
        return selected == null;
    }
}
