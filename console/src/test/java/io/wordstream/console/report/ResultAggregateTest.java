package io.wordstream.console.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.console.model.ResultRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultAggregateTest {
    static final Instant T0 = Instant.parse("2026-11-29T17:00:00Z");

    static String row(Instant start, String dimension, String key, long count) {
        return "{\"windowStart\":\"" + start + "\",\"windowEnd\":\"" + start.plusSeconds(10) + "\",\"dimension\":\""
                + dimension + "\",\"key\":\"" + key + "\",\"count\":" + count + "}";
    }

    @Test
    void theHighestCountOfAKeyWinsWhateverTheOrderAndDuplicates() {
        ResultAggregate a = new ResultAggregate(new ReportPeriod(T0, T0.plusSeconds(60)));
        a.accept(row(T0, "word", "spark", 2));
        a.accept(row(T0, "word", "spark", 5));
        a.accept(row(T0, "word", "spark", 5));
        a.accept(row(T0, "word", "spark", 3));
        a.accept(row(T0, "word", "kafka", 1));
        a.accept(row(T0.plusSeconds(10), "word", "spark", 4));
        a.accept(row(T0, "letter", "S", 5));
        a.accept(row(T0, "length", "5", 6));
        ReportData d = a.summarize(10);
        assertEquals(List.of(new ReportData.KeyTotal("spark", 9), new ReportData.KeyTotal("kafka", 1)), d.topWords());
        assertEquals(10, d.totalWords());
        assertEquals(List.of(6L, 4L), d.windows().stream().map(ReportData.WindowTotal::words).toList());
        assertEquals(List.of(new ReportData.KeyTotal("S", 5)), d.letters());
        assertEquals(2, d.distinctWords());
        assertEquals(8, d.rowsRead());
        assertEquals(0, d.malformed());
    }

    @Test
    void malformedRowsAndRowsOfOtherPeriodsAreSkippedAndCounted() {
        ResultAggregate a = new ResultAggregate(new ReportPeriod(T0, T0.plusSeconds(60)));
        a.accept("not json");
        a.accept(null);
        a.accept("{\"windowStart\":\"yesterday\"}");
        a.accept(row(T0, "word", "x", -1));
        a.accept(row(T0.minusSeconds(10), "word", "early", 1));
        a.accept(row(T0.plusSeconds(60), "word", "late", 1));
        a.accept(row(T0.plusSeconds(50), "word", "in", 1));
        assertEquals(4, a.malformed());
        assertEquals(2, a.outside());
        assertEquals(1, a.summarize(5).totalWords());
        assertEquals(7, a.rows());
    }

    @Test
    void anEmptyPeriodSaysSo() {
        ReportData d = new ResultAggregate(new ReportPeriod(T0, T0.plusSeconds(60))).summarize(10);
        assertTrue(d.empty());
        assertEquals(0, d.totalWords());
    }

    @Test
    void exportsGoByWindowThenDimensionThenHighestCount() {
        ResultAggregate a = new ResultAggregate(new ReportPeriod(T0, T0.plusSeconds(60)));
        a.accept(row(T0.plusSeconds(10), "word", "b", 1));
        a.accept(row(T0.plusSeconds(10), "letter", "S", 1));
        a.accept(row(T0, "length", "6", 1));
        a.accept(row(T0, "word", "a", 1));
        a.accept(row(T0, "word", "c", 3));
        List<String> order = new ArrayList<>();
        a.forEachSorted(r -> order.add(r.windowStart().getEpochSecond() - T0.getEpochSecond() + " " + r.dimension()
                + " " + r.key() + " " + r.count()));
        assertEquals(List.of("0 word c 3", "0 word a 1", "0 length 6 1", "10 word b 1", "10 letter S 1"), order);
        List<ResultRow> rows = new ArrayList<>();
        a.forEachSorted(rows::add);
        assertEquals(T0.plusSeconds(20), rows.get(4).windowEnd());
    }
}
