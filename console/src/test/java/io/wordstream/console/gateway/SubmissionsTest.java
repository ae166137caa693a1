package io.wordstream.console.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionsTest {
    private final Submissions plain = new Submissions(GatewayConfig.defaults(0));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSignUpWritesOnlyTheSentenceUnlessTheOperatorKeepsTheUserFields() throws Exception {
        byte[] body = utf8("{\"nome\": \"Ana\", \"email\": \"ana@example.org\", \"resumo\": \"Olá mundo\"}");
        assertEquals(List.of("{\"resumo\":\"Olá mundo\"}"), plain.user(body));
        GatewayConfig d = GatewayConfig.defaults(0);
        Submissions keeping = new Submissions(new GatewayConfig(d.host(), 0, d.maxBodyBytes(), d.maxRecords(),
                d.requestsPerSecond(), d.maxStreams(), "texto", true));
        assertEquals(List.of("{\"nome\":\"Ana\",\"email\":\"ana@example.org\",\"texto\":\"x y\"}"),
                keeping.user(utf8("{\"nome\": \"Ana\", \"email\": \"ana@example.org\", \"texto\": \"x y\"}")));
    }

    @Test
    void sentencesComeAsLinesOfTextOrAsJsonObjects() throws Exception {
        assertEquals(List.of("{\"resumo\":\"one two\"}", "{\"resumo\":\"three\"}"),
                plain.sentences(utf8("one two\n\n  \nthree\n"), "text/plain; charset=utf-8"));
        assertEquals(List.of("{\"resumo\":\"a \\\"quoted\\\" word\"}"),
                plain.sentences(utf8("{\"resumo\": \"a \\\"quoted\\\" word\", \"other\": 1}"), "application/json"));
        assertEquals(List.of("{\"resumo\":\"a\"}", "{\"resumo\":\"b\"}"),
                plain.sentences(utf8("[{\"resumo\": \"a\"}, {\"resumo\": \"b\"}]"), "application/json"));
        assertEquals(List.of("{\"resumo\":\"no type\"}"), plain.sentences(utf8("no type"), null));
    }

    @Test
    void badBodiesAreRefusedWithTheStatusAndTheReason() {
        assertProblem(400, "the body is not valid JSON: Unexpected character ('n' (code 110)): was expecting"
                + " double-quote to start field name", () -> plain.user(utf8("{nome: 1}")));
        assertProblem(400, "the JSON object has no string field \"resumo\"",
                () -> plain.user(utf8("{\"nome\": \"Ana\"}")));
        assertProblem(400, "the field \"resumo\" of the JSON object is blank",
                () -> plain.user(utf8("{\"resumo\": \"  \"}")));
        assertProblem(400, "element 1 of the array has no string field \"resumo\"",
                () -> plain.sentences(utf8("[{\"resumo\": \"a\"}, {\"resumo\": 5}]"), "application/json"));
        assertProblem(400, "the body holds no sentence", () -> plain.sentences(utf8("\n \n"), "text/plain"));
        assertProblem(400, "the body is empty; it must be JSON", () -> plain.user(new byte[0]));
        assertProblem(415, "send text/plain (one sentence per line) or application/json, not"
                + " application/x-www-form-urlencoded",
                () -> plain.sentences(utf8("a=b"), "application/x-www-form-urlencoded"));
        assertProblem(413, "the body holds 1001 sentences, more than the limit of 1000; send them in several"
                + " requests", () -> plain.sentences(utf8("w\n".repeat(1001)), "text/plain"));
    }

    private interface Call {
        void run() throws HttpProblem;
    }

    private static void assertProblem(int status, String reason, Call call) {
        HttpProblem p = assertThrows(HttpProblem.class, call::run);
        assertEquals(reason, p.getMessage());
        assertEquals(status, p.status(), p.getMessage());
    }
}
