package io.wordstream.console.kafka;

import io.wordstream.console.kafka.BrokerChange.Back;
import io.wordstream.console.kafka.BrokerChange.Broker;
import io.wordstream.console.kafka.BrokerChange.CountingResumed;
import io.wordstream.console.kafka.BrokerChange.Lost;
import io.wordstream.console.kafka.BrokerChange.StillDown;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The logic of {@link BrokerWatch}, without Kafka: given which brokers were listed and which answered at each check,
 * it keeps the cluster (every broker listed or answering so far) and when each was lost, and returns what changed.
 * A broker counts as lost when it missed two checks in a row (on a loaded machine a live broker may miss one), from
 * its first miss; a broker down is repeated every {@code remindEvery}, so a long outage is never silent.
 */
public final class BrokerPresence {
    private final Duration remindEvery;
    private final Map<Integer, Broker> known = new TreeMap<>();
    /** When each broker that did not answer the last check first missed one. */
    private final Map<Integer, Instant> firstMiss = new LinkedHashMap<>();
    private final Map<Integer, Instant> downSince = new LinkedHashMap<>();
    private final Map<Integer, Instant> lastSaid = new LinkedHashMap<>();
    /** The broker whose loss counting waits on and when it was lost, until a batch started after it completes. */
    private Broker waitingOn;
    private Instant waitingSince;

    public BrokerPresence(Duration remindEvery) {
        this.remindEvery = remindEvery;
    }

    /**
     * One check's answer.
     *
     * @param answering the brokers that answered; the first call's are the cluster
     * @param now       when they answered
     */
    public List<BrokerChange> observe(Collection<Broker> answering, Instant now) {
        return observe(List.of(), answering, now);
    }

    /**
     * One check's answer, with the brokers the cluster listed: a broker listed belongs to the cluster even if it has
     * never answered (killed just before the first check, Kafka still lists it until its session times out).
     *
     * @param listed    the brokers the cluster listed (empty when the listing failed)
     * @param answering the brokers that answered
     * @param now       when they answered
     */
    public List<BrokerChange> observe(Collection<Broker> listed, Collection<Broker> answering, Instant now) {
        List<BrokerChange> changes = new ArrayList<>();
        Map<Integer, Broker> up = new TreeMap<>();
        answering.forEach(b -> up.put(b.id(), b));
        listed.forEach(b -> known.putIfAbsent(b.id(), b));
        up.forEach(known::put);
        for (Broker b : known.values()) {
            Instant since = downSince.get(b.id());
            if (up.containsKey(b.id())) {
                firstMiss.remove(b.id());
                if (since != null) {
                    downSince.remove(b.id());
                    lastSaid.remove(b.id());
                    changes.add(new Back(b, Duration.between(since, now)));
                }
            } else if (since == null) {
                Instant missed = firstMiss.putIfAbsent(b.id(), now);
                if (missed == null) {
                    continue;
                }
                downSince.put(b.id(), missed);
                lastSaid.put(b.id(), missed);
                if (waitingSince == null) {
                    waitingOn = b;
                    waitingSince = missed;
                }
                changes.add(new Lost(b, Duration.between(missed, now)));
            } else if (!Duration.between(lastSaid.get(b.id()), now).minus(remindEvery).isNegative()) {
                lastSaid.put(b.id(), now);
                changes.add(new StillDown(b, Duration.between(since, now), waitingSince != null));
            }
        }
        return changes;
    }

    /**
     * The job completed the micro-batch it started at {@code batchStart}: one started after a loss means counting
     * goes on.
     */
    public List<BrokerChange> batchCompleted(Instant batchStart, Instant now) {
        if (waitingSince == null || batchStart.isBefore(waitingSince)) {
            return List.of();
        }
        BrokerChange resumed = new CountingResumed(waitingOn, Duration.between(waitingSince, now));
        waitingOn = null;
        waitingSince = null;
        return List.of(resumed);
    }

    /** Every broker seen so far, by id. */
    public List<Broker> known() {
        return List.copyOf(known.values());
    }

    /** The brokers that do not answer now. */
    public List<Broker> down() {
        return downSince.keySet().stream().map(known::get).toList();
    }
}
