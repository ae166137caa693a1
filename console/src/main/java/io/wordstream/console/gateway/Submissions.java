package io.wordstream.console.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns request bodies into the records the gateway writes: each a JSON object with the sentence in the text
 * field (the job's JSON input format), plus {@code nome} and {@code email} for sign-ups when the operator keeps them.
 */
final class Submissions {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Per-record framing in a Kafka batch (length, attributes, deltas, key, headers), rounded up. */
    private static final int RECORD_OVERHEAD = 32;

    private final GatewayConfig config;

    Submissions(GatewayConfig config) {
        this.config = config;
    }

    /**
     * A sign-up: its record, and the name and address given (null when absent or not a string), for the welcome
     * note.
     */
    record SignUp(List<String> records, String nome, String email) {
    }

    /** {@code POST /users}: the original's sign-up body, {"nome": ..., "email": ..., "resumo": ...}. */
    List<String> user(byte[] body) throws HttpProblem {
        return signUp(body).records();
    }

    /** {@code POST /users} with the fields the welcome note needs. */
    SignUp signUp(byte[] body) throws HttpProblem {
        JsonNode node = parse(body);
        if (!node.isObject()) {
            throw new HttpProblem(400, "the body must be a JSON object such as {\"nome\": \"Ana\", \"email\":"
                    + " \"ana at example.org\", \"" + config.textField() + "\": \"a sentence\"}");
        }
        String text = text(node, "the JSON object");
        ObjectNode record = JSON.createObjectNode();
        if (config.keepUserFields()) {
            for (String field : List.of("nome", "email")) {
                JsonNode value = node.get(field);
                if (value != null && !value.isNull()) {
                    if (!value.isTextual()) {
                        throw new HttpProblem(400, "the JSON field \"" + field + "\" must be a string");
                    }
                    record.put(field, value.asText());
                }
            }
        }
        record.put(config.textField(), text);
        return new SignUp(checked(List.of(record.toString())), textOrNull(node, "nome"), textOrNull(node, "email"));
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /**
     * {@code POST /sentences}: one sentence per non-blank line of a text body, or JSON: one object with the text
     * field, or an array of them.
     */
    List<String> sentences(byte[] body, String contentType) throws HttpProblem {
        String type = contentType == null ? "text/plain" : contentType.split(";", 2)[0].strip()
                .toLowerCase(Locale.ROOT);
        List<String> texts = new ArrayList<>();
        if (type.equals("application/json")) {
            JsonNode node = parse(body);
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    if (!node.get(i).isObject()) {
                        throw new HttpProblem(400, "element " + i + " of the array is not a JSON object");
                    }
                    texts.add(text(node.get(i), "element " + i + " of the array"));
                }
            } else if (node.isObject()) {
                texts.add(text(node, "the JSON object"));
            } else {
                throw new HttpProblem(400, "the body must be a JSON object with a string field \""
                        + config.textField() + "\", or an array of them");
            }
        } else if (type.equals("text/plain")) {
            new String(body, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(texts::add);
        } else {
            throw new HttpProblem(415, "send text/plain (one sentence per line) or application/json, not " + type);
        }
        if (texts.isEmpty()) {
            throw new HttpProblem(400, "the body holds no sentence");
        }
        List<String> records = new ArrayList<>(texts.size());
        for (String t : texts) {
            records.add(JSON.createObjectNode().put(config.textField(), t).toString());
        }
        return checked(records);
    }

    private List<String> checked(List<String> records) throws HttpProblem {
        if (records.size() > config.maxRecords()) {
            throw new HttpProblem(413, "the body holds " + records.size() + " sentences, more than the limit of "
                    + config.maxRecords() + "; send them in several requests");
        }
        long bytes = 0;
        for (String r : records) {
            bytes += r.getBytes(StandardCharsets.UTF_8).length + RECORD_OVERHEAD;
        }
        if (bytes > config.batchBytes()) {
            throw new HttpProblem(413, "the records of this body take " + bytes + " bytes, more than the "
                    + config.batchBytes() + " one request may write; send them in several requests");
        }
        return records;
    }

    private String text(JsonNode node, String what) throws HttpProblem {
        JsonNode field = node.get(config.textField());
        if (field == null || !field.isTextual()) {
            throw new HttpProblem(400, what + " has no string field \"" + config.textField() + "\"");
        }
        if (field.asText().isBlank()) {
            throw new HttpProblem(400, "the field \"" + config.textField() + "\" of " + what + " is blank");
        }
        return field.asText();
    }

    private static JsonNode parse(byte[] body) throws HttpProblem {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new HttpProblem(400, "the body is empty; it must be JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new HttpProblem(400, "the body is not valid JSON: " + e.getOriginalMessage().lines().findFirst()
                    .orElse("unreadable"));
        } catch (IOException e) {
            throw new HttpProblem(400, "the body could not be read as JSON");
        }
    }
}
