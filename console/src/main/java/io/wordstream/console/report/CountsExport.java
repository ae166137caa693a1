package io.wordstream.console.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a period's final counts, one per (window, dimension, key), as CSV or as JSON lines in the results topic's
 * own format, streaming them from the aggregate so that millions of counts need no list in memory.
 */
public final class CountsExport {
    static final String[] HEADER = {"windowStart", "windowEnd", "dimension", "key", "count"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private CountsExport() {
    }

    /** Writes {@code counts} to {@code file} in {@code format} (CSV or JSON), through a temporary file. */
    public static void write(ResultAggregate counts, ReportFormat format, Path file) {
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8))) {
                if (format == ReportFormat.CSV) {
                    csv(counts, out);
                } else {
                    json(counts, out);
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(),
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
    }

    private static void csv(ResultAggregate counts, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        counts.forEachSorted(row -> {
            try {
                printer.printRecord(row.windowStart(), row.windowEnd(), row.dimension(), row.key(), row.count());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        printer.flush();
    }

    private static void json(ResultAggregate counts, Writer out) {
        counts.forEachSorted(row -> {
            ObjectNode n = JSON.createObjectNode();
            n.put("windowStart", row.windowStart().toString());
            n.put("windowEnd", row.windowEnd().toString());
            n.put("dimension", row.dimension());
            n.put("key", row.key());
            n.put("count", row.count());
            try {
                out.write(JSON.writeValueAsString(n));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
