package io.wordstream.console.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One record of the metrics topic: the job started, made progress, idled, failed or terminated.
 *
 * @param type  {@code started}, {@code progress}, {@code idle}, {@code failed} or {@code terminated}
 * @param appId the Spark application that published it
 * @param error the reason, for {@code failed} and for {@code terminated} with an error; else empty
 * @param json  the whole record, for the metrics it carries
 */
public record JobEvent(String type, String appId, String error, JsonNode json) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Optional<JobEvent> parse(String value) {
        try {
            JsonNode n = JSON.readTree(value);
            if (n == null || !n.hasNonNull("type")) {
                return Optional.empty();
            }
            return Optional.of(new JobEvent(n.get("type").asText(), n.path("appId").asText(""),
                    n.path("error").asText(""), n));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** True for the events that show a micro-batch has run (or the query has checked for data and found none). */
    public boolean batchDone() {
        return type.equals("progress") || type.equals("idle");
    }

    /**
     * When the trigger of a {@code progress} or {@code idle} event started, by the driver's clock: a micro-batch, or
     * a look at the input that found nothing new, started after a loss and completed shows the job reads its input
     * again, whether or not anything new was sent.
     */
    public Optional<Instant> batchStart() {
        if (!batchDone()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(json.path("batchTime").asText("")));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** True for the events that say the query is gone. */
    public boolean ended() {
        return type.equals("failed") || type.equals("terminated");
    }

    /** A text field of the record, such as the watermark; empty when it has none. */
    public String text(String name) {
        return json.path(name).asText("");
    }

    public long metric(String name) {
        return json.path(name).asLong(0);
    }

    public double rate(String name) {
        return json.path(name).asDouble(0);
    }
}
