package io.wordstream.bench.hostloss;

import io.wordstream.console.kafka.TopicFeed;
import io.wordstream.console.model.JobEvent;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What the job's scheduler did about executors, read from the metrics topic as the job publishes it: each executor
 * added (its host), each one removed (its host and why) and each task that ran again, from the start of the topic.
 */
final class SchedulerTally implements AutoCloseable {
    /** What a tally holds at one moment. */
    record Counts(long executorsRemoved, long tasksRerun) {
        Counts minus(Counts earlier) {
            return new Counts(executorsRemoved - earlier.executorsRemoved, tasksRerun - earlier.tasksRerun);
        }
    }

    private final List<JobEvent> removals = new CopyOnWriteArrayList<>();
    private final List<JobEvent> reruns = new CopyOnWriteArrayList<>();
    /** The host of each executor added, in order. */
    private final List<String> added = new CopyOnWriteArrayList<>();
    /** The highest totals the events carried: an event lost on the way still counts. */
    private final AtomicLong removedTotal = new AtomicLong();
    private final AtomicLong rerunTotal = new AtomicLong();
    private final TopicFeed feed;

    /** @param said told each removal and rerun as it is read, in a line */
    SchedulerTally(Properties kafka, String metricsTopic, Consumer<String> said) {
        feed = TopicFeed.start(kafka, metricsTopic, TopicFeed.From.BEGINNING, records -> records.forEach(r ->
                JobEvent.parse(r.value()).ifPresent(e -> {
                    removedTotal.accumulateAndGet(e.metric("executorsRemoved"), Math::max);
                    rerunTotal.accumulateAndGet(e.metric("tasksRerun"), Math::max);
                    if (e.type().equals("executorAdded")) {
                        added.add(e.json().path("host").asText());
                    } else if (e.type().equals("executorRemoved")) {
                        removals.add(e);
                        said.accept("executor " + e.json().path("executorId").asText() + " on "
                                + e.json().path("host").asText() + " removed: " + e.json().path("reason").asText());
                    } else if (e.type().equals("taskRerun")) {
                        reruns.add(e);
                        said.accept("a task of stage " + e.json().path("stageId").asInt() + " runs again on executor "
                                + e.json().path("executorId").asText() + " (stage attempt "
                                + e.json().path("stageAttempt").asInt() + ", task attempt "
                                + e.json().path("taskAttempt").asInt()
                                + (e.json().path("speculative").asBoolean() ? ", speculative)" : ")"));
                    }
                })));
    }

    /** How many executors were added so far. */
    int executorsAdded() {
        return added.size();
    }

    /** Whether an executor was added on {@code host} after the first {@code since} additions. */
    boolean executorAddedOn(String host, int since) {
        return added.subList(Math.min(since, added.size()), added.size()).contains(host);
    }

    Counts counts() {
        return new Counts(Math.max(removals.size(), removedTotal.get()), Math.max(reruns.size(), rerunTotal.get()));
    }

    @Override
    public void close() {
        feed.close();
    }
}
