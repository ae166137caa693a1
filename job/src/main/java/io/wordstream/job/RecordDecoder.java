package io.wordstream.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordstream.common.PipelineSettings;
import io.wordstream.common.TokenizerMode;
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
 *
 * <p>With the seed tokenizer the field is read as the original's {@code from_json(value, 'resumo STRING')} read it:
 * a blank or empty string is a sentence (of empty words), and a number, boolean, array or object is taken as its JSON
 * text. A JSON null or a missing field carries no sentence, as in the original.
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
    private final boolean asTheOriginal;

    public RecordDecoder(PipelineSettings pipeline) {
        this.textField = pipeline.textField();
        this.asTheOriginal = pipeline.tokenizer() == TokenizerMode.SEED;
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
        if (asTheOriginal && field != null && !field.isNull()) {
            // Spark's JSON reader gives a string column the text of any non-string value.
            return Decoded.text(field.isTextual() ? field.asText() : field.toString());
        }
        if (field == null || !field.isTextual()) {
            return Decoded.problem("the JSON object has no string field \"" + textField + "\"");
        }
        if (field.asText().isBlank()) {
            return Decoded.problem("the JSON field \"" + textField + "\" is blank");
        }
        return Decoded.text(field.asText());
    }
}
