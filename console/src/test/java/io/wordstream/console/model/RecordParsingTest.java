package io.wordstream.console.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordParsingTest {
    @Test
    void readsAResultRowAsTheJobWritesIt() {
        assertEquals(Optional.of(new ResultRow(Instant.parse("2026-11-23T19:30:10Z"),
                        Instant.parse("2026-11-23T19:30:20Z"), "letter", "S", 3)),
                ResultRow.parse("{\"windowStart\":\"2026-11-23T19:30:10Z\",\"windowEnd\":\"2026-11-23T19:30:20Z\","
                        + "\"dimension\":\"letter\",\"key\":\"S\",\"count\":3}"));
    }

    @Test
    void keepsTheEmptyWordOfTheSeedTokenizer() {
        assertEquals(Optional.of(new ResultRow(Instant.parse("2026-11-23T19:30:10Z"),
                        Instant.parse("2026-11-23T19:30:20Z"), "word", "", 2)),
                ResultRow.parse("{\"windowStart\":\"2026-11-23T19:30:10Z\",\"windowEnd\":\"2026-11-23T19:30:20Z\","
                        + "\"dimension\":\"word\",\"key\":\"\",\"count\":2}"));
    }

    @Test
    void skipsWhatIsNotAResultRow() {
        assertTrue(ResultRow.parse("not json").isEmpty());
        assertTrue(ResultRow.parse("{\"windowStart\":\"yesterday\",\"windowEnd\":\"today\",\"dimension\":\"word\","
                + "\"key\":\"a\",\"count\":1}").isEmpty());
        assertTrue(ResultRow.parse("{\"dimension\":\"word\",\"key\":\"a\",\"count\":1}").isEmpty());
        assertTrue(ResultRow.parse(null).isEmpty());
    }

    @Test
    void readsJobEvents() {
        JobEvent e = JobEvent.parse("{\"type\":\"progress\",\"appId\":\"local-1\",\"inputRows\":12,"
                + "\"inputRowsPerSecond\":2.5}").orElseThrow();
        assertTrue(e.batchDone());
        assertEquals("local-1", e.appId());
        assertEquals(12, e.metric("inputRows"));
        assertEquals(2.5, e.rate("inputRowsPerSecond"));
        JobEvent failed = JobEvent.parse("{\"type\":\"failed\",\"appId\":\"a\",\"error\":\"boom\"}").orElseThrow();
        assertTrue(failed.ended());
        assertEquals("boom", failed.error());
        assertTrue(JobEvent.parse("{}").isEmpty());
        assertTrue(JobEvent.parse("[").isEmpty());
    }

    @Test
    void aProgressOrIdleEventSaysWhenItsTriggerStarted() {
        JobEvent e = JobEvent.parse("{\"type\":\"progress\",\"appId\":\"a\","
                + "\"batchTime\":\"2026-11-29T18:20:01.250Z\"}").orElseThrow();
        assertEquals(Optional.of(Instant.parse("2026-11-29T18:20:01.250Z")), e.batchStart());
        assertEquals(Optional.of(Instant.parse("2026-11-29T18:20:02.250Z")), JobEvent.parse("{\"type\":\"idle\","
                + "\"appId\":\"a\",\"batchTime\":\"2026-11-29T18:20:02.250Z\"}").orElseThrow().batchStart());
        // An idle event of a job from before this change names no trigger.
        assertEquals(Optional.empty(), JobEvent.parse("{\"type\":\"idle\",\"appId\":\"a\"}").orElseThrow()
                .batchStart());
        assertEquals(Optional.empty(), JobEvent.parse("{\"type\":\"executors\",\"appId\":\"a\","
                + "\"batchTime\":\"2026-11-29T18:20:02.250Z\"}").orElseThrow().batchStart());
        assertEquals(Optional.empty(), JobEvent.parse("{\"type\":\"progress\",\"batchTime\":\"soon\"}")
                .orElseThrow().batchStart());
    }
}
