package io.wordstream.console.report;

import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.LongLongHashMap;
import com.carrotsearch.hppc.ObjectIntHashMap;
import com.carrotsearch.hppc.cursors.LongLongCursor;
import io.wordstream.console.model.ResultRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The counts of one period, folded in as the results topic is read, so that millions of rows fit in the console's
 * small heap: each (window, dimension, key) is one entry of a primitive map, its key strings are stored once.
 *
 * <p>A key's count in a window only grows in the job's output, so the highest count read is the latest one; that
 * makes the totals indifferent to the duplicates of the at-least-once sink and to the order partitions are read in.
 * Not thread-safe: the reading thread owns it.
 */
public final class ResultAggregate {
    /** The job's dimensions, in the order reports show them. */
    public static final List<String> DIMENSIONS = List.of("word", "letter", "length");

    // Packed entry key: window index in the top 24 bits, dimension in the next 8, the key's id in the low 32.
    private static final int WINDOW_SHIFT = 40;
    private static final int DIMENSION_SHIFT = 32;

    private final ReportPeriod period;
    private final List<Dictionary> dictionaries = new ArrayList<>();
    private final List<String> dimensionNames = new ArrayList<>();
    private final LongIntHashMap windowIndex = new LongIntHashMap();
    private final LongArrayList windowStarts = new LongArrayList();
    private final LongArrayList windowEnds = new LongArrayList();
    private final LongLongHashMap counts = new LongLongHashMap();
    private long rows;
    private long malformed;
    private long outside;

    /** One dimension's keys, each stored once and known by a number. */
    private static final class Dictionary {
        final ObjectIntHashMap<String> ids = new ObjectIntHashMap<>();
        final List<String> keys = new ArrayList<>();

        int id(String key) {
            int slot = ids.indexOf(key);
            if (ids.indexExists(slot)) {
                return ids.indexGet(slot);
            }
            int id = keys.size();
            keys.add(key);
            ids.indexInsert(slot, key, id);
            return id;
        }
    }

    public ReportPeriod period() {
        return period;
    }

    public ResultAggregate(ReportPeriod period) {
        this.period = period;
        DIMENSIONS.forEach(this::dimension);
    }

    /** Folds in one value of the results topic: a row of the period, a row of another period, or a malformed one. */
    public void accept(String value) {
        rows++;
        ResultRow row = ResultRow.parse(value).orElse(null);
        if (row == null || row.count() < 0 || !row.windowEnd().isAfter(row.windowStart())) {
            malformed++;
            return;
        }
        if (!period.contains(row.windowStart())) {
            outside++;
            return;
        }
        int dimension = dimension(row.dimension());
        if (dimension > 0xFF) {
            malformed++;
            return;
        }
        long entry = ((long) window(row.windowStart(), row.windowEnd()) << WINDOW_SHIFT)
                | ((long) dimension << DIMENSION_SHIFT)
                | (dictionaries.get(dimension).id(row.key()) & 0xFFFF_FFFFL);
        int slot = counts.indexOf(entry);
        if (!counts.indexExists(slot)) {
            counts.indexInsert(slot, entry, row.count());
        } else if (counts.indexGet(slot) < row.count()) {
            counts.indexReplace(slot, row.count());
        }
    }

    private int dimension(String name) {
        int i = dimensionNames.indexOf(name);
        if (i >= 0) {
            return i;
        }
        dimensionNames.add(name);
        dictionaries.add(new Dictionary());
        return dimensionNames.size() - 1;
    }

    private int window(Instant start, Instant end) {
        long startMs = start.toEpochMilli();
        int slot = windowIndex.indexOf(startMs);
        if (windowIndex.indexExists(slot)) {
            return windowIndex.indexGet(slot);
        }
        int index = windowStarts.size();
        windowStarts.add(startMs);
        windowEnds.add(end.toEpochMilli());
        windowIndex.indexInsert(slot, startMs, index);
        return index;
    }

    /** Values read, of every kind. */
    public long rows() {
        return rows;
    }

    /** Values that are not result rows: skipped. */
    public long malformed() {
        return malformed;
    }

    /** Rows of windows outside the period, read because the topic is not sorted by window: skipped. */
    public long outside() {
        return outside;
    }

    /** Distinct (window, dimension, key) counts held. */
    public int entries() {
        return counts.size();
    }

    /**
     * Hands over the final counts, by window start, then dimension (word, letter, length), then highest count
     * first, one window's entries sorted at a time so that an export of millions of counts needs no list of them.
     */
    public void forEachSorted(Consumer<ResultRow> sink) {
        int windows = windowStarts.size();
        Integer[] byStart = new Integer[windows];
        for (int i = 0; i < windows; i++) {
            byStart[i] = i;
        }
        Arrays.sort(byStart, Comparator.comparingLong(windowStarts::get));
        // Bucket the packed keys by window (a counting sort), then sort each window's bucket on its own.
        int[] first = new int[windows + 1];
        for (LongLongCursor c : counts) {
            first[(int) (c.key >>> WINDOW_SHIFT) + 1]++;
        }
        for (int w = 0; w < windows; w++) {
            first[w + 1] += first[w];
        }
        long[] keys = new long[counts.size()];
        int[] next = Arrays.copyOf(first, windows);
        for (LongLongCursor c : counts) {
            keys[next[(int) (c.key >>> WINDOW_SHIFT)]++] = c.key;
        }
        Comparator<Long> order = Comparator.<Long>comparingInt(k -> (int) ((k >>> DIMENSION_SHIFT) & 0xFF))
                .thenComparing(Comparator.<Long>comparingLong(counts::get).reversed())
                .thenComparing(this::keyOf);
        for (int w : byStart) {
            Long[] bucket = new Long[first[w + 1] - first[w]];
            for (int i = 0; i < bucket.length; i++) {
                bucket[i] = keys[first[w] + i];
            }
            Arrays.sort(bucket, order);
            Instant start = Instant.ofEpochMilli(windowStarts.get(w));
            Instant end = Instant.ofEpochMilli(windowEnds.get(w));
            for (Long k : bucket) {
                sink.accept(new ResultRow(start, end, dimensionNames.get((int) ((k >>> DIMENSION_SHIFT) & 0xFF)),
                        keyOf(k), counts.get(k)));
            }
        }
    }

    private String keyOf(long entry) {
        return dictionaries.get((int) ((entry >>> DIMENSION_SHIFT) & 0xFF)).keys.get((int) entry);
    }

    /** The summary a report shows: totals over the period, per key and per window. */
    public ReportData summarize(int topWords) {
        int dims = dimensionNames.size();
        long[][] perKey = new long[dims][];
        for (int d = 0; d < dims; d++) {
            perKey[d] = new long[dictionaries.get(d).keys.size()];
        }
        long[] wordsPerWindow = new long[windowStarts.size()];
        for (LongLongCursor c : counts) {
            int d = (int) ((c.key >>> DIMENSION_SHIFT) & 0xFF);
            perKey[d][(int) c.key] += c.value;
            if (d == 0) {
                wordsPerWindow[(int) (c.key >>> WINDOW_SHIFT)] += c.value;
            }
        }
        List<ReportData.WindowTotal> windows = new ArrayList<>(windowStarts.size());
        for (int w = 0; w < windowStarts.size(); w++) {
            windows.add(new ReportData.WindowTotal(Instant.ofEpochMilli(windowStarts.get(w)),
                    Instant.ofEpochMilli(windowEnds.get(w)), wordsPerWindow[w]));
        }
        windows.sort(Comparator.comparing(ReportData.WindowTotal::start));
        return new ReportData(period, windows, top(0, perKey[0], topWords), top(1, perKey[1], Integer.MAX_VALUE),
                top(2, perKey[2], Integer.MAX_VALUE), dictionaries.get(0).keys.size(), rows, malformed);
    }

    private List<ReportData.KeyTotal> top(int dimension, long[] totals, int limit) {
        List<String> keys = dictionaries.get(dimension).keys;
        Integer[] order = new Integer[totals.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Words by count, the most frequent first; letters and lengths in their own order, as configured.
        Comparator<Integer> byKey = Comparator.comparing(keys::get,
                dimension == 2 ? ResultAggregate::byNumber : Comparator.naturalOrder());
        Arrays.sort(order, dimension == 0
                ? Comparator.<Integer>comparingLong(i -> totals[i]).reversed().thenComparing(byKey) : byKey);
        List<ReportData.KeyTotal> out = new ArrayList<>();
        for (int i = 0; i < order.length && out.size() < limit; i++) {
            out.add(new ReportData.KeyTotal(keys.get(order[i]), totals[order[i]]));
        }
        return out;
    }

    private static int byNumber(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
