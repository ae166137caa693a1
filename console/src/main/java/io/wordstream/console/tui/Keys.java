package io.wordstream.console.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The console's keys, in one table: each line of the F1 help with the bindings it describes (key, mode, action).
 * The controller dispatches a keystroke through it and the help lists it, so the two cannot drift apart.
 */
final class Keys {
    /** When a binding acts; the help shows a heading for each. */
    enum Scope {
        /** While typing into the input line, the default mode. */
        TYPING("While typing (the default)"),
        /** In both modes; a question or the help on screen takes the key first. */
        ALWAYS("Always"),
        /** Even over a question or the help: quitting always works. */
        ANYTIME("Always"),
        /** Keys mode: single keys are commands. */
        KEYS("Keys mode");

        final String heading;

        Scope(String heading) {
            this.heading = heading;
        }
    }

    /** What a binding acts on: the operator's view, and the commands that need more than it. */
    interface Target {
        ViewState view();

        void submit();

        void quit();

        void askRestart();

        void report();

        void clear();

        void older();

        void newer();

        void oldest();

        void focus(int step);

        void toggleLogs();

        void addWorker();

        void stopWorker();
    }

    /** One key and what it does. */
    record Binding(Predicate<KeyStroke> key, BiConsumer<Target, KeyStroke> action) {
    }

    /** A line of the help ({@code keys} empty: not shown) with the bindings it describes. */
    record Line(Scope scope, String keys, String help, List<Binding> bindings) {
    }

    static final List<Line> TABLE = List.of(
            line(Scope.TYPING, "Enter", "send the line, one record (pasted: one record per line)",
                    on(KeyType.Enter, Target::submit)),
            line(Scope.TYPING, "Esc", "keys mode: single keys below act as commands", on(KeyType.Escape, t -> {
                t.view().mode = ViewState.Mode.KEYS;
                t.view().analysis.cancelSearch();
            })),
            line(Scope.TYPING, "←/→ Home/End", "move in the line; Ctrl-U deletes to its start",
                    on(KeyType.ArrowLeft, t -> t.view().input.left()),
                    on(KeyType.ArrowRight, t -> t.view().input.right()),
                    on(KeyType.Home, t -> t.view().input.home()),
                    on(KeyType.End, t -> t.view().input.end()),
                    ctrl('u', t -> t.view().input.deleteToStart()),
                    ctrl('a', t -> t.view().input.home()),
                    ctrl('e', t -> t.view().input.end())),
            line(Scope.TYPING, "", "editing and typing itself",
                    on(KeyType.Backspace, t -> t.view().input.backspace()),
                    on(KeyType.Delete, t -> t.view().input.delete()),
                    new Binding(k -> k.getKeyType() == KeyType.Character && !k.isCtrlDown() && !k.isAltDown(),
                            (t, k) -> t.view().input.insert(k.getCharacter().toString()))),
            line(Scope.ALWAYS, "PgUp/PgDn", "older / newer window",
                    on(KeyType.PageUp, Target::older), on(KeyType.PageDown, Target::newer)),
            line(Scope.ALWAYS, "Tab", "switch the focused dimension: words, letters, lengths",
                    on(KeyType.Tab, t -> t.focus(1)), on(KeyType.ReverseTab, t -> t.focus(-1))),
            line(Scope.ALWAYS, "F1 / F2", "this help / the cluster view",
                    on(KeyType.F1, t -> t.view().help = true),
                    on(KeyType.F2, t -> t.view().cluster = !t.view().cluster)),
            line(Scope.ANYTIME, "Ctrl-C", "quit: stops the job and the broker", ctrl('c', Target::quit)),
            line(Scope.ANYTIME, "", "the terminal closed", on(KeyType.EOF, Target::quit)),
            line(Scope.KEYS, "←/→", "older / newer window; End/Home: newest / oldest kept",
                    on(KeyType.ArrowLeft, Target::older), on(KeyType.ArrowRight, Target::newer),
                    on(KeyType.End, t -> t.view().selected = null), on(KeyType.Home, Target::oldest)),
            line(Scope.KEYS, "r / c", "restart the job from its checkpoint (asks) / clear",
                    key('r', Target::askRestart), key('c', Target::clear)),
            line(Scope.KEYS, "l / v / p", "logs / cluster view / PDF report of the windows shown",
                    key('l', Target::toggleLogs), key('v', t -> t.view().cluster = !t.view().cluster),
                    key('p', Target::report)),
            line(Scope.KEYS, "/ t s", "find a word · top words over a range · stop words",
                    key('/', t -> t.view().analysis.startSearch(t.view())),
                    key('t', t -> t.view().analysis.cycleRange(t.view())),
                    key('s', t -> t.view().analysis.toggleStopWords(t.view()))),
            line(Scope.KEYS, "w / W", "add a Spark worker / stop the newest (--local-cluster)",
                    key('w', Target::addWorker), key('W', Target::stopWorker)),
            // Esc is "keys mode" wherever it is pressed, never a toggle: pressing it twice must not start typing.
            line(Scope.KEYS, "? / i Enter", "this help / back to typing",
                    key('?', t -> t.view().help = true), key('i', t -> t.view().mode = ViewState.Mode.TYPING),
                    on(KeyType.Enter, t -> t.view().mode = ViewState.Mode.TYPING)),
            line(Scope.KEYS, "q", "quit: stops the job and the broker", key('q', Target::quit)));

    private Keys() {
    }

    /** Runs the binding of {@code k} in {@code scope} on {@code target}; false when the key has none there. */
    static boolean run(Scope scope, KeyStroke k, Target target) {
        for (Line line : TABLE) {
            if (line.scope() != scope) {
                continue;
            }
            for (Binding b : line.bindings()) {
                if (b.key().test(k)) {
                    b.action().accept(target, k);
                    return true;
                }
            }
        }
        return false;
    }

    /** The help's entries: each scope's heading, then its lines, in the table's order. */
    static List<HelpView.Entry> help() {
        List<HelpView.Entry> out = new ArrayList<>();
        String heading = null;
        for (Line line : TABLE) {
            if (line.keys().isEmpty()) {
                continue;
            }
            if (!line.scope().heading.equals(heading)) {
                heading = line.scope().heading;
                out.add(new HelpView.Entry("", heading));
            }
            out.add(new HelpView.Entry(line.keys(), line.help()));
        }
        return out;
    }

    private static Line line(Scope scope, String keys, String help, Binding... bindings) {
        return new Line(scope, keys, help, List.of(bindings));
    }

    private static Binding on(KeyType type, Consumer<Target> action) {
        return new Binding(k -> k.getKeyType() == type, (t, k) -> action.accept(t));
    }

    /** A character in keys mode, whatever modifier is held with it. */
    private static Binding key(char c, Consumer<Target> action) {
        return new Binding(k -> k.getKeyType() == KeyType.Character && k.getCharacter() == c,
                (t, k) -> action.accept(t));
    }

    private static Binding ctrl(char c, Consumer<Target> action) {
        return new Binding(k -> isCtrl(k, c), (t, k) -> action.accept(t));
    }

    static boolean isCtrl(KeyStroke k, char c) {
        return k.getKeyType() == KeyType.Character && k.isCtrlDown() && Character.toLowerCase(k.getCharacter()) == c;
    }
}
