package io.wordstream.console.session;

import io.wordstream.console.kafka.KafkaClients;
import io.wordstream.console.kafka.ResultsHistory;
import io.wordstream.console.kafka.TopicFeed;
import io.wordstream.console.model.ResultRow;
import io.wordstream.console.settings.Settings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the results topic once Kafka is ready, from the oldest window the console keeps (found by timestamp, so a
 * topic with weeks of rows starts as fast as a new one), handing on each batch of parsed rows.
 */
public final class ResultsFollower implements AutoCloseable {
    /** A batch of rows, and whether the reader has caught up with the topic's end. */
    public interface Rows {
        void rows(List<ResultRow> rows, boolean caughtUp);
    }

    private final Rows rows;
    private final Clock clock;
    private TopicFeed feed;
    private boolean closed;

    public ResultsFollower(Rows rows) {
        this(rows, Clock.systemUTC());
    }

    /** With {@code clock} telling the time the console's history ends at. */
    public ResultsFollower(Rows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** Starts reading; once only, and never after {@link #close}. */
    public void start(Settings settings) {
        synchronized (this) {
            if (closed || feed != null) {
                return;
            }
        }
        Instant since = ResultsHistory.oldestKept(settings.pipeline(), clock.instant());
        TopicFeed started = TopicFeed.startBatchesSince(KafkaClients.base(settings), settings.resultsTopic(), since,
                batch -> {
                    List<ResultRow> parsed = new ArrayList<>(batch.values().size());
                    for (String value : batch.values()) {
                        ResultRow.parse(value).ifPresent(parsed::add);
                    }
                    rows.rows(parsed, batch.caughtUp());
                });
        boolean keep;
        synchronized (this) {
            keep = !closed;
            if (keep) {
                feed = started;
            }
        }
        if (!keep) {
            started.close();
        }
    }

    @Override
    public void close() {
        TopicFeed f;
        synchronized (this) {
            closed = true;
            f = feed;
            feed = null;
        }
        if (f != null) {
            f.close();
        }
    }
}
