package io.wordstream.console.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The hosts of the pipeline's cluster that were lost, told from what the console sees of each role on them: a
 * Kafka broker that stopped answering, a Spark worker that the master no longer counts alive, the job's executors
 * there that Spark removed. For each lost host it keeps what was lost, the tasks that ran again elsewhere, when
 * counting resumed (the first micro-batch, or look at the input that found nothing new, started after the loss and
 * completed while the job held no executor there any more) and when the host's roles were back (the broker answers,
 * a worker rejoined, a new executor runs there). A host on a loopback address is this machine and never lost.
 * Times are wall-clock instants given by the caller, comparable with the driver's trigger times. Not thread-safe.
 */
public final class HostOutages {
    /** An executor removed up to this long before the rest of its host was seen lost belongs to that loss. */
    static final Duration ATTRIBUTION = Duration.ofSeconds(30);

    /** The roles of one host, as last seen, and its loss while one is open. */
    private static final class Host {
        final Set<Integer> brokersDown = new HashSet<>();
        final Set<String> executors = new HashSet<>();
        /** Executors of the job removed here and when, until a loss takes them or they are old. */
        final Map<String, Instant> removed = new LinkedHashMap<>();
        boolean workerSeenAlive;
        boolean workerAlive;
        HostOutage.Builder open;
        HostOutage last;
    }

    private final Map<String, Host> hosts = new TreeMap<>();
    /** Which host each executor of the job runs on. */
    private final Map<String, String> executorHosts = new HashMap<>();

    /** Broker {@code id} at {@code address} stopped answering at {@code since}. */
    public void brokerLost(int id, String address, Instant since) {
        String host = hostOf(address);
        if (loopback(host)) {
            return;
        }
        Host h = host(host);
        if (h.brokersDown.add(id)) {
            open(host, h, since).brokers.add(id);
        }
    }

    /** Broker {@code id} at {@code address} answers, at {@code now}. */
    public void brokerUp(int id, String address, Instant now) {
        String host = hostOf(address);
        Host h = hosts.get(host);
        if (h != null && h.brokersDown.remove(id) && h.open != null && h.open.brokers.contains(id)) {
            h.open.brokersBack.add(id);
            closeIfBack(h, now);
        }
    }

    /** Kafka's brokers as the console's admin client last listed them: a broker no longer listed is down. */
    public void brokers(Collection<ClusterState.Broker> brokers, Instant now) {
        for (ClusterState.Broker b : brokers) {
            if (b.up()) {
                brokerUp(b.id(), b.address(), now);
            } else {
                brokerLost(b.id(), b.address(), now);
            }
        }
    }

    /** The Spark master's workers, alive or not, as its status page last listed them. */
    public void workers(Collection<MasterSnapshot.Worker> workers, Instant now) {
        Map<String, Boolean> alive = new TreeMap<>();
        for (MasterSnapshot.Worker w : workers) {
            alive.merge(hostOf(w.host()), w.state().equals("ALIVE"), Boolean::logicalOr);
        }
        alive.forEach((host, up) -> {
            Host h = host(host);
            if (up && !h.workerAlive) {
                h.workerAlive = true;
                h.workerSeenAlive = true;
                if (h.open != null && h.open.workerLost) {
                    h.open.workerBack = true;
                    closeIfBack(h, now);
                }
            } else if (!up && h.workerAlive && !loopback(host)) {
                h.workerAlive = false;
                open(host, h, now).workerLost = true;
            }
        });
    }

    /** A record of the job's metrics topic, read at {@code now}. */
    public void jobEvent(JobEvent e, Instant now) {
        JsonNode json = e.json();
        switch (e.type()) {
            case "executors" -> executors(json.path("executors"), now);
            case "executorAdded" -> executorAdded(json.path("executorId").asText(), json.path("host").asText(), now);
            case "executorRemoved" -> executorRemoved(json.path("executorId").asText(), json.path("host").asText(),
                    eventTime(json, now));
            case "taskRerun" -> taskRerun(json.path("executorId").asText());
            default -> e.batchStart().ifPresent(start -> triggerCompleted(start, e.type().equals("progress"), now));
        }
    }

    private void executors(JsonNode list, Instant now) {
        for (JsonNode x : list) {
            String id = x.path("id").asText("");
            if (!id.isEmpty() && !id.equals("driver")) {
                executorAdded(id, hostOf(x.path("host").asText("")), now);
            }
        }
    }

    private void executorAdded(String id, String host, Instant now) {
        Host h = host(host);
        if (h.removed.containsKey(id) || (h.open != null && h.open.executors.contains(id))) {
            return; // a list published before the removal reached the console
        }
        executorHosts.put(id, host);
        if (h.executors.add(id) && h.open != null && !h.open.executors.isEmpty() && h.open.newExecutor == null) {
            h.open.newExecutor = id;
            closeIfBack(h, now);
        }
    }

    private void executorRemoved(String id, String host, Instant at) {
        String where = host.isEmpty() ? executorHosts.getOrDefault(id, "") : host;
        Host h = host(where);
        h.executors.remove(id);
        if (h.open != null) {
            h.open.executors.add(id);
            h.open.since = min(h.open.since, at);
        } else {
            h.removed.values().removeIf(when -> when.isBefore(at.minus(ATTRIBUTION)));
            h.removed.put(id, at);
        }
    }

    private void taskRerun(String executorId) {
        for (Host h : hosts.values()) {
            if (h.open != null && !h.open.executors.isEmpty() && h.open.resumedAfter == null) {
                h.open.tasksRerun++;
                h.open.rerunOn.add(executorId);
            }
        }
    }

    /** A trigger that started at {@code start} completed; {@code read} when it was a micro-batch. */
    private void triggerCompleted(Instant start, boolean read, Instant now) {
        for (Host h : hosts.values()) {
            HostOutage.Builder o = h.open;
            // An idle look at the input proves nothing while the job may still hand tasks to an executor on a host
            // whose worker is gone.
            boolean stuck = o != null && o.workerLost && !h.executors.isEmpty();
            if (o != null && o.resumedAfter == null && !start.isBefore(o.since) && (read || !stuck)) {
                o.resumedAfter = Duration.between(o.since, now);
            }
        }
    }

    private HostOutage.Builder open(String host, Host h, Instant since) {
        if (h.open == null) {
            h.open = new HostOutage.Builder(host, since);
            h.removed.forEach((id, at) -> {
                if (!at.isBefore(since.minus(ATTRIBUTION))) {
                    h.open.executors.add(id);
                    h.open.since = min(h.open.since, at);
                }
            });
            h.removed.clear();
        }
        return h.open;
    }

    private static void closeIfBack(Host h, Instant now) {
        HostOutage.Builder o = h.open;
        if (o.brokersBack.containsAll(o.brokers) && (!o.workerLost || o.workerBack)
                && (o.executors.isEmpty() || o.newExecutor != null)) {
            o.backAfter = Duration.between(o.since, now);
            h.last = o.build();
            h.open = null;
        }
    }

    /** The hosts lost now, and those back since, the latest of each host. */
    public List<HostOutage> outages() {
        List<HostOutage> out = new ArrayList<>();
        hosts.values().forEach(h -> {
            if (h.open != null) {
                out.add(h.open.build());
            } else if (h.last != null) {
                out.add(h.last);
            }
        });
        out.sort((a, b) -> a.since().compareTo(b.since()));
        return out;
    }

    /** The hosts lost now. */
    public List<HostOutage> open() {
        return outages().stream().filter(o -> o.backAfter().isEmpty()).toList();
    }

    private Host host(String host) {
        return hosts.computeIfAbsent(host, k -> new Host());
    }

    private static Instant eventTime(JsonNode json, Instant now) {
        try {
            return min(Instant.parse(json.path("time").asText("")), now);
        } catch (DateTimeParseException e) {
            return now;
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The host of {@code host:port} ({@code [v6]:port} too); the text itself when it has no port. */
    static String hostOf(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 || hostPort.indexOf(':') != colon && !hostPort.startsWith("[") ? hostPort
                : hostPort.substring(0, colon);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean loopback(String host) {
        return host.startsWith("127.") || host.equals("localhost") || host.equals("::1");
    }
}
