package io.wordstream.console.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One host of the cluster lost, as {@link HostOutages} tells it: what was lost there, where the executors' tasks went,
 * when counting resumed, and what of the host is back.
 *
 * @param host         the host's address
 * @param since        when the first sign of the loss came (a role that stopped answering, an executor removed)
 * @param brokers      the Kafka brokers there that stopped answering
 * @param workerLost   whether the Spark worker there is no longer alive
 * @param executors    the job's executors there that Spark removed
 * @param tasksRerun   tasks that ran again elsewhere since
 * @param rerunOn      the executors those tasks ran on
 * @param resumedAfter how long after the loss the job read its input again; empty while counting waits
 * @param brokersBack  the lost brokers that answer again
 * @param workerBack   whether a worker there is alive again
 * @param newExecutor  a new executor of the job there, once one runs
 * @param backAfter    how long after the loss every lost role was back; empty while one is missing
 */
public record HostOutage(String host, Instant since, List<Integer> brokers, boolean workerLost,
                         List<String> executors, int tasksRerun, List<String> rerunOn,
                         Optional<Duration> resumedAfter, List<Integer> brokersBack, boolean workerBack,
                         Optional<String> newExecutor, Optional<Duration> backAfter) {

    /** True while a role lost there is not back. */
    public boolean open() {
        return backAfter.isEmpty();
    }

    /** One line for the console's status row at {@code now}. */
    public String line(Instant now) {
        if (!open()) {
            return "host " + host + " back after " + seconds(backAfter.get()) + ": " + back();
        }
        String line = "⚠ host " + host + " lost " + Duration.between(since, now).toSeconds() + "s ago ("
                + lost() + ")";
        if (!executors.isEmpty()) {
            line += "; its tasks run elsewhere" + (tasksRerun > 0 ? " (" + tasksRerun + " ran again on executor"
                    + (rerunOn.size() == 1 ? " " : "s ") + String.join(", ", rerunOn) + ")" : "");
        }
        return line + resumedAfter.map(d -> "; counting resumed after " + seconds(d))
                .orElse("; counting waits");
    }

    /** What was lost, in words: {@code broker 3, its worker, executor 2}. */
    public String lost() {
        List<String> parts = new ArrayList<>();
        brokers.forEach(b -> parts.add("broker " + b));
        if (workerLost) {
            parts.add("its worker");
        }
        if (!executors.isEmpty()) {
            parts.add((executors.size() == 1 ? "executor " : "executors ") + String.join(", ", executors));
        }
        return String.join(", ", parts);
    }

    /** What is back, in words: {@code broker 3 answers, its worker rejoined, executor 5 runs there}. */
    public String back() {
        List<String> parts = new ArrayList<>();
        brokersBack.forEach(b -> parts.add("broker " + b + " answers"));
        if (workerBack) {
            parts.add("its worker rejoined");
        }
        newExecutor.ifPresent(e -> parts.add("executor " + e + " runs there"));
        return parts.isEmpty() ? "nothing yet" : String.join(", ", parts);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** A loss still being told, mutable while it lasts. */
    static final class Builder {
        final String host;
        Instant since;
        final Set<Integer> brokers = new TreeSet<>();
        boolean workerLost;
        final Set<String> executors = new TreeSet<>();
        int tasksRerun;
        final Set<String> rerunOn = new TreeSet<>();
        Duration resumedAfter;
        final Set<Integer> brokersBack = new TreeSet<>();
        boolean workerBack;
        String newExecutor;
        Duration backAfter;

        Builder(String host, Instant since) {
            this.host = host;
            this.since = since;
        }

        HostOutage build() {
            return new HostOutage(host, since, List.copyOf(brokers), workerLost, List.copyOf(executors), tasksRerun,
                    List.copyOf(rerunOn), Optional.ofNullable(resumedAfter), List.copyOf(brokersBack), workerBack,
                    Optional.ofNullable(newExecutor), Optional.ofNullable(backAfter));
        }
    }
}
