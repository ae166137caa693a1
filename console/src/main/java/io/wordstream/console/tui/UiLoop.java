package io.wordstream.console.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI thread: the only thread that touches the controller, the model and the screen. Other threads hand it work
 * through {@link #execute} (the {@code invokeLater} of this UI); it runs that work, reads keys, and redraws as the
 * {@link FrameLimiter} allows, so a flood of results costs at most ten redraws a second.
 */
public final class UiLoop implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(UiLoop.class);
    private static final long IDLE_PARK_NANOS = 15_000_000L;

    private final Screen screen;
    private final ConsoleController controller;
    private final DashboardView view;
    private final LongSupplier clock;
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final FrameLimiter limiter = new FrameLimiter();
    private volatile Thread thread;
    private boolean changed = true;
    private boolean complete = true;
    private long draws;

    public UiLoop(Screen screen, ConsoleController controller, ZoneId zone, LongSupplier clock) {
        this.screen = screen;
        this.controller = controller;
        this.view = new DashboardView(zone);
        this.clock = clock;
    }

    /** Runs {@code task} on the UI thread, soon; callable from any thread. */
    @Override
    public void execute(Runnable task) {
        inbox.add(task);
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Runs the UI on the calling thread until the controller is finished. */
    public void run() throws IOException {
        thread = Thread.currentThread();
        while (!controller.finished()) {
            step();
            LockSupport.parkNanos(IDLE_PARK_NANOS);
        }
    }

    /** One turn of the loop: keys, then work from other threads, then a redraw if one is due. */
    void step() throws IOException {
        for (KeyStroke k = screen.pollInput(); k != null; k = screen.pollInput()) {
            controller.key(k);
        }
        for (Runnable task = inbox.poll(); task != null; task = inbox.poll()) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("a UI update failed", e);
            }
        }
        if (screen.doResizeIfNecessary() != null) {
            complete = true;
        }
        changed |= controller.takeDirty();
        long now = clock.getAsLong();
        if (complete || limiter.due(now, changed, controller.animating())) {
            draw(complete);
            limiter.drawn(now);
            changed = false;
            complete = false;
        }
    }

    /** How many times the screen was drawn. */
    long draws() {
        return draws;
    }

    /** Draws the controller's current frame now. */
    void draw(boolean complete) throws IOException {
        draws++;
        screen.clear();
        TerminalPosition cursor = view.draw(screen.newTextGraphics(), screen.getTerminalSize(), controller.frame());
        screen.setCursorPosition(cursor);
        screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    }
}
