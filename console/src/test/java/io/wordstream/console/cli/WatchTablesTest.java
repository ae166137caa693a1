package io.wordstream.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordstream.common.Dimension;
import io.wordstream.console.model.ResultRow;
import io.wordstream.console.model.WindowCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** When 'watch' prints: once per micro-batch, one table per window the batch changed, with all its rows. */
class WatchTablesTest {
    private static final Instant W = Instant.parse("2026-11-23T12:00:00Z");
    private static final int P0 = 0;
    private static final int P1 = 1;
    private static final String SENTENCE = "spark streams words and spark reads records from the stream";

    /** The rows one 10-word sentence gives, as the job writes them: word rows first, spread over two tasks. */
    private static List<ResultRow> rowsOfOneSentence() {
        List<ResultRow> rows = new ArrayList<>();
        Map<String, Long> words = new TreeMap<>();
        for (String w : SENTENCE.split(" ")) {
            words.merge(w, 1L, Long::sum);
        }
        words.forEach((w, n) -> rows.add(new ResultRow(W, W.plusSeconds(10), "word", w, n)));
        rows.add(new ResultRow(W, W.plusSeconds(10), "letter", "S", 5));
        rows.add(new ResultRow(W, W.plusSeconds(10), "letter", "R", 2));
        rows.add(new ResultRow(W, W.plusSeconds(10), "length", "6", 1));
        return rows;
    }

    @Test
    void oneSentenceReadOverFourPollsGivesOneTableWithAllItsWords() {
        WatchTables tables = new WatchTables(new WindowCounts(10), true);
        assertEquals(List.of(), tables.polled(List.of(), Map.of(P0, 0L, P1, 0L), true, 0), "nothing held");
        List<ResultRow> rows = rowsOfOneSentence();
        List<List<ResultRow>> polls = List.of(rows.subList(0, 1), rows.subList(1, 6), rows.subList(6, 8),
                rows.subList(8, rows.size()));
        int printed = 0;
        List<WindowCounts.Window> last = List.of();
        long read = 0;
        for (int i = 0; i < polls.size(); i++) {
            if (i == 2) {
                // The job announces the batch's end while the console is still reading its rows.
                tables.batchEnded(Map.of(P0, 6L, P1, (long) rows.size() - 6));
            }
            read += polls.get(i).size();
            long p0 = Math.min(read, 6);
            List<WindowCounts.Window> out = tables.polled(polls.get(i), Map.of(P0, p0, P1, read - p0), true,
                    i * 200_000_000L);
            printed += out.size();
            if (!out.isEmpty()) {
                last = out;
            }
        }
        assertEquals(1, printed, "one table for the one window the batch changed");
        assertEquals(10, last.get(0).total(Dimension.WORD.id()), "with all ten words");
        assertEquals(List.of(), tables.polled(List.of(), Map.of(P0, 6L, P1, (long) rows.size() - 6), true,
                2_000_000_000L), "and nothing again until the next batch");
    }

    @Test
    void theHistoryPrintsEachWindowOnceWhenItHasAllBeenRead() {
        WatchTables tables = new WatchTables(new WindowCounts(10), true);
        List<ResultRow> rows = rowsOfOneSentence();
        assertEquals(List.of(), tables.polled(rows.subList(0, 4), Map.of(P0, 4L), false, 0));
        List<WindowCounts.Window> out = tables.polled(rows.subList(4, rows.size()), Map.of(P0, 13L), true, 1);
        assertEquals(1, out.size());
        assertEquals(10, out.get(0).total(Dimension.WORD.id()));
    }

    @Test
    void withoutBatchAnnouncementsRowsArePrintedAfterASecondOfQuiet() {
        WatchTables tables = new WatchTables(new WindowCounts(10), false);
        tables.polled(List.of(), Map.of(), true, 0);
        List<ResultRow> rows = rowsOfOneSentence();
        assertEquals(List.of(), tables.polled(rows.subList(0, 5), Map.of(), true, 100_000_000L));
        assertEquals(List.of(), tables.polled(rows.subList(5, rows.size()), Map.of(), true, 300_000_000L));
        assertEquals(List.of(), tables.polled(List.of(), Map.of(), true, 1_200_000_000L));
        assertEquals(1, tables.polled(List.of(), Map.of(), true, 1_300_000_000L).size());
    }
}
