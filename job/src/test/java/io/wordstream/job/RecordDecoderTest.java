package io.wordstream.job;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.common.PipelineSettings;
import io.wordstream.common.TokenizerMode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {
    private final RecordDecoder decoder = new RecordDecoder(PipelineSettings.defaults());
    private final RecordDecoder seed = new RecordDecoder(settings(TokenizerMode.SEED, "resumo"));

    private static PipelineSettings settings(TokenizerMode tokenizer, String textField) {
        PipelineSettings d = PipelineSettings.defaults();
        return new PipelineSettings(d.window(), d.slide(), d.watermark(), d.letters(), d.lengths(), tokenizer,
                textField);
    }

    private RecordDecoder.Decoded decode(String value) {
        return decoder.decode(value.getBytes(StandardCharsets.UTF_8));
    }

    private RecordDecoder.Decoded decodeAsSeed(String value) {
        return seed.decode(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainTextIsTheSentence() {
        assertEquals("Spark e Kafka", decode("Spark e Kafka").text());
    }

    @Test
    void theOriginalJsonFormatGivesItsField() {
        assertEquals("Spark e Kafka", decode("{\"resumo\": \"Spark e Kafka\"}").text());
        RecordDecoder text = new RecordDecoder(settings(TokenizerMode.UNICODE, "text"));
        assertEquals("texto", text.decode("  {\"text\":\"texto\",\"n\":1}".getBytes(UTF_8)).text());
    }

    @Test
    void textThatDoesNotStartWithABraceIsNeverParsedAsJson() {
        assertEquals("[1, 2] \"quoted\"", decode("[1, 2] \"quoted\"").text());
    }

    @Test
    void invalidJsonIsRejectedWithItsReason() {
        RecordDecoder.Decoded d = decode("{\"resumo\": ");
        assertFalse(d.accepted());
        assertNull(d.text());
        assertTrue(d.problem().startsWith("the value starts with '{' but is not valid JSON"), d.problem());
    }

    @Test
    void jsonWithoutAStringTextFieldIsRejected() {
        assertEquals("the JSON object has no string field \"resumo\"", decode("{\"other\": \"x\"}").problem());
        assertEquals("the JSON object has no string field \"resumo\"", decode("{\"resumo\": 42}").problem());
        assertEquals("the JSON field \"resumo\" is blank", decode("{\"resumo\": \"  \"}").problem());
    }

    @Test
    void theSeedTokenizerReadsTheFieldAsTheOriginalsFromJsonDid() {
        // Blank and empty strings split into empty words; other values become their JSON text.
        assertEquals("  ", decodeAsSeed("{\"resumo\": \"  \"}").text());
        assertEquals("", decodeAsSeed("{\"resumo\": \"\"}").text());
        assertEquals("42", decodeAsSeed("{\"resumo\": 42}").text());
        assertEquals("[\"a b\",true]", decodeAsSeed("{\"resumo\": [\"a b\", true]}").text());
        // No field, or a JSON null, carries no words in the original either.
        assertEquals("the JSON object has no string field \"resumo\"", decodeAsSeed("{\"resumo\": null}").problem());
        assertEquals("the JSON object has no string field \"resumo\"", decodeAsSeed("{\"other\": \"x\"}").problem());
        assertEquals("the value is blank", decodeAsSeed("  ").problem());
    }

    @Test
    void nullEmptyBlankAndNonUtf8ValuesAreRejected() {
        assertEquals("the value is null", decoder.decode(null).problem());
        assertEquals("the value is empty", decoder.decode(new byte[0]).problem());
        assertEquals("the value is blank", decode(" \t\n").problem());
        assertEquals("the value is not UTF-8 text", decoder.decode(new byte[] {(byte) 0xFF, 'a'}).problem());
    }

    @Test
    void unicodeTextPassesUnchanged() {
        assertEquals("café 東京 שלום 🎉", decode("café 東京 שלום 🎉").text());
    }
}
