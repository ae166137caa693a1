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
    /** The cluster view (F2, v) in place of the charts. */
    boolean cluster;
    boolean confirmRestart;
    final LineEditor input = new LineEditor();
    /** The brokers of an external cluster that do not answer, for the status row. */
    final BrokerOutage brokers = new BrokerOutage();
    /** The word pinned, the top words' range, stop words, end-to-end times: see {@link Analysis}. */
    final Analysis analysis = new Analysis();

    long sent;
    long acked;
    long failed;
    String feedback = "";
    Tone tone = Tone.INFO;
    /** When the wait the feedback line names began ({@code System.nanoTime()}), or -1 when it names none. */
    long waitingSince = -1;

    /** Where a file's path starts in the feedback, or -1: a path too long for the line is cut at its start. */
    int pathFrom = -1;

    void say(Tone tone, String message) {
        this.tone = tone;
        this.feedback = message;
        this.waitingSince = -1;
        this.pathFrom = -1;
    }

    /** Says {@code message} followed by a file's path. */
    void sayPath(Tone tone, String message, String path) {
        say(tone, message + path);
        this.pathFrom = message.length();
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
