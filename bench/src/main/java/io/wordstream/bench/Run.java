package io.wordstream.bench;

import java.util.List;
import java.util.Optional;

/**
 * One repetition of the whole comparison: every system in turn on one broker started for it.
 *
 * @param index              1 for the first repetition
 * @param startedUtc         when it started, HH:mm UTC
 * @param brokerStartSeconds from launching the broker's JVM to its first answer
 * @param results            each system's figures, in the order they ran
 */
record Run(int index, String startedUtc, double brokerStartSeconds, List<SubjectResult> results) {
    Run {
        results = List.copyOf(results);
    }

    Optional<SubjectResult> find(String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
