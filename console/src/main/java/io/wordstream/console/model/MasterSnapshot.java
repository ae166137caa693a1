package io.wordstream.console.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One reading of a Spark standalone master's JSON status page ({@code http://MASTER_UI/json/}): its URL, state and
 * workers; or, when the page did not answer, why.
 *
 * @param page    where the JSON was read
 * @param url     the master's {@code spark://} URL
 * @param state   the master's state ({@code ALIVE}, {@code STANDBY}...)
 * @param workers the workers it knows, alive or not
 * @param error   empty when the page answered; else the reason, in one line
 */
public record MasterSnapshot(String page, String url, String state, List<Worker> workers, String error) {
    /**
     * A worker as the master reports it.
     *
     * @param memoryMb     the memory it offers, in MiB
     * @param memoryUsedMb the memory its executors hold, in MiB
     * @param heartbeat    its last heartbeat, in epoch milliseconds
     */
    public record Worker(String host, int cores, int coresUsed, long memoryMb, long memoryUsedMb, String state,
                         long heartbeat) {
    }

    /** The master's JSON, as its status page returns it. */
    public static MasterSnapshot parse(String page, JsonNode json) {
        List<Worker> workers = new ArrayList<>();
        for (JsonNode w : json.path("workers")) {
            workers.add(new Worker(w.path("host").asText("?") + ":" + w.path("port").asInt(),
                    w.path("cores").asInt(), w.path("coresused").asInt(), w.path("memory").asLong(),
                    w.path("memoryused").asLong(), w.path("state").asText("?"), w.path("lastheartbeat").asLong()));
        }
        return new MasterSnapshot(page, json.path("url").asText(""), json.path("status").asText("?"),
                List.copyOf(workers), "");
    }

    public static MasterSnapshot unanswered(String page, String reason) {
        return new MasterSnapshot(page, "", "", List.of(), reason);
    }

    public boolean answered() {
        return error.isEmpty();
    }

    /** The workers in state ALIVE. */
    public long alive() {
        return workers.stream().filter(w -> w.state().equals("ALIVE")).count();
    }
}
