package io.wordstream.console.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {
    static final Instant NOW = Instant.parse("2026-11-29T18:00:00Z");

    @Test
    void theLastHourByDefault() {
        assertEquals(new ReportPeriod(NOW.minusSeconds(3600), NOW), ReportPeriod.fromOptions(null, null, null, NOW));
        assertEquals(new ReportPeriod(NOW.minusSeconds(600), NOW), ReportPeriod.fromOptions(null, null, "10m", NOW));
    }

    @Test
    void fromAndToInUtcOrWithAnOffset() {
        ReportPeriod p = ReportPeriod.fromOptions("2026-11-29T17:00", "2026-11-29T18:30+01:00", null, NOW);
        assertEquals(Instant.parse("2026-11-29T17:00:00Z"), p.from());
        assertEquals(Instant.parse("2026-11-29T17:30:00Z"), p.to());
        assertEquals("20261129T170000Z-20261129T173000Z", p.fileLabel());
        assertEquals(Instant.parse("2026-11-29T17:15:00Z"),
                ReportPeriod.fromOptions("2026-11-29 17:00:00Z", null, "15m", NOW).to());
        assertTrue(p.contains(p.from()));
        assertTrue(!p.contains(p.to()));
    }

    @Test
    void badValuesNameTheOption() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ReportPeriod.fromOptions(null, null, "an hour", NOW)).getMessage().startsWith("--last: "));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ReportPeriod.fromOptions("noon", null, null, NOW)).getMessage().startsWith("--from: 'noon'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ReportPeriod.fromOptions(null, "2026-13-01T00:00", null, NOW)).getMessage().startsWith("--to"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ReportPeriod.fromOptions("2026-11-29T18:00Z", "2026-11-29T17:00Z", null, NOW)).getMessage()
                .contains("must be before"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ReportPeriod.fromOptions(null, null, "0s", NOW)).getMessage().startsWith("--last"));
    }
}
