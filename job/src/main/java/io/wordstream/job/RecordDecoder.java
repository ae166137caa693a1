package io.wordstream.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a Kafka record value into the sentence it carries, or into the reason it carries none.
 *
 * <p>A value whose first non-blank character is <code>{</code> is read as JSON and must be an object with a string
 * field named by {@code textField} (the original project's format, <code>{"resumo": "..."}</code>); any other
 * value is the sentence itself. Values that are null, empty, blank or not UTF-8 carry no sentence.
 */
public final class RecordDecoder implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The sentence, or the problem with the record; exactly one of the two is non-null. */
    public record Decoded(String text, String problem) {
        static Decoded text(String text) {
            return new Decoded(text, null);
        }

        static Decoded problem(String problem) {
            return new Decoded(null, problem);
        }

        public boolean accepted() {
            return text != null;
        }
    }

    private final String textField;

    public RecordDecoder(String textField) {
        this.textField = textField;
    }

    public Decoded decode(byte[] value) {
        if (value == null) {
            return Decoded.problem("the value is null");
        }
        if (value.length == 0) {
            return Decoded.problem("the value is empty");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            return Decoded.problem("the value is not UTF-8 text");
        }
        if (text.isBlank()) {
            return Decoded.problem("the value is blank");
        }
        return text.stripLeading().startsWith("{") ? fromJson(text) : Decoded.text(text);
    }

    private Decoded fromJson(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage().lines().findFirst().orElse("");
            return Decoded.problem("the value starts with '{' but is not valid JSON (" + detail + ")");
        }
        JsonNode field = node.get(textField);
        if (field == null || !field.isTextual()) {
            return Decoded.problem("the JSON object has no string field \"" + textField + "\"");
        }
        if (field.asText().isBlank()) {
            return Decoded.problem("the JSON field \"" + textField + "\" is blank");
        }
        return Decoded.text(field.asText());
    }
}
