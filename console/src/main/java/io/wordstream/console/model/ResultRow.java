package io.wordstream.console.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of the results topic: the count of one key of one dimension in one window.
 *
 * @param windowStart inclusive start of the window
 * @param windowEnd   exclusive end of the window
 * @param dimension   {@code word}, {@code letter} or {@code length}
 * @param key         the word, the letter or the length
 * @param count       occurrences so far
 */
public record ResultRow(Instant windowStart, Instant windowEnd, String dimension, String key, long count) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a results-topic value; empty when it is not a result row (which the console then skips). */
    public static Optional<ResultRow> parse(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.hasNonNull("windowStart") || !n.hasNonNull("windowEnd") || !n.hasNonNull("dimension")
                    || !n.hasNonNull("key") || !n.path("count").canConvertToLong()) {
                return Optional.empty();
            }
            return Optional.of(new ResultRow(Instant.parse(n.get("windowStart").asText()),
                    Instant.parse(n.get("windowEnd").asText()), n.get("dimension").asText(), n.get("key").asText(),
                    n.get("count").asLong()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
