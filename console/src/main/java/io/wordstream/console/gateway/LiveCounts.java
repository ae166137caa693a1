package io.wordstream.console.gateway;

import io.wordstream.console.kafka.TopicFeed;
import io.wordstream.console.model.ResultRow;
import io.wordstream.console.model.WindowCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The counts the gateway serves: a {@link WindowCounts} model fed with result rows from one thread and read by
 * the HTTP threads, plus the listeners of {@code /events}, told of every row that changed the model.
 */
public final class LiveCounts {
    /** A window's counts of one dimension, highest first. */
    record WindowView(String start, String end, long total, int distinct, List<WindowCounts.Count> counts) {
    }

    private final WindowCounts model;
    private final List<Consumer<ResultRow>> listeners = new CopyOnWriteArrayList<>();

    public LiveCounts(int maxWindows) {
        this.model = new WindowCounts(maxWindows);
    }

    /** Reads the results topic from its beginning into a new model; closing the feed stops it. */
    public static TopicFeed follow(Properties clientProperties, String resultsTopic, LiveCounts counts) {
        return TopicFeed.startValues(clientProperties, resultsTopic, TopicFeed.From.BEGINNING,
                values -> counts.accept(values.stream().map(ResultRow::parse).flatMap(Optional::stream).toList()));
    }

    /** Takes result rows; rows that changed a count go to the listeners, in order. */
    public void accept(List<ResultRow> rows) {
        List<ResultRow> changed = new ArrayList<>();
        synchronized (model) {
            for (ResultRow row : rows) {
                if (model.apply(row)) {
                    changed.add(row);
                }
            }
        }
        for (ResultRow row : changed) {
            listeners.forEach(l -> l.accept(row));
        }
    }

    /** The newest {@code last} windows, oldest first, each with its {@code top} keys of {@code dimension}. */
    List<WindowView> latest(String dimension, int last, int top) {
        synchronized (model) {
            List<Instant> starts = model.windowStarts();
            List<WindowView> views = new ArrayList<>();
            for (Instant start : starts.subList(Math.max(0, starts.size() - last), starts.size())) {
                WindowCounts.Window w = model.window(start);
                views.add(new WindowView(w.start().toString(), w.end().toString(), w.total(dimension),
                        w.distinct(dimension), w.top(dimension, top)));
            }
            return views;
        }
    }

    /** Calls {@code listener} with each row that changes the model from now on, until the returned handle runs. */
    Runnable subscribe(Consumer<ResultRow> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
