package io.wordstream.console.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * What the job would reject in a line about to be sent: a line that starts with <code>{</code> is read by the job
 * as JSON and must be an object with a non-blank string field named by the text field; any other line is a sentence.
 */
final class RecordCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordCheck() {
    }

    /** Why the job would reject {@code line}, or empty when it would count its words. */
    static Optional<String> problem(String line, String textField) {
        if (!line.stripLeading().startsWith("{")) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return Optional.of("it starts with '{' but is not valid JSON");
        }
        JsonNode field = node.get(textField);
        if (field == null || !field.isTextual()) {
            return Optional.of("the JSON object has no string field \"" + textField + "\"");
        }
        if (field.asText().isBlank()) {
            return Optional.of("the JSON field \"" + textField + "\" is blank");
        }
        return Optional.empty();
    }
}
