package io.wordstream.bench.subject;

import io.wordstream.bench.measure.Count;

/** Where a system's result rows go, stamped with the time they were read. */
@FunctionalInterface
public interface ResultSink {
    void accept(Count count, long readAtNanos);
}
