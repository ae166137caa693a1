package io.wordstream.console.report;

import io.wordstream.console.launch.CheckpointSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The job settings a report names (window, slide, watermark, letters, lengths, tokenizer). The results topic does
 * not carry them: they come from what the job recorded beside its checkpoint in the data directory, and are
 * "unknown" when the directory holds no record (a report on an external Kafka from another machine, say).
 *
 * @param values option name ({@code --window}) to value, in the order a report lists them
 * @param source where they came from, for the report to say
 */
public record ReportSettings(Map<String, String> values, String source) {
    /** The options a report lists, in order. */
    static final String[] SHOWN = {"--window", "--slide", "--watermark", "--letters", "--lengths", "--tokenizer"};
    static final String UNKNOWN = "unknown";

    public ReportSettings {
        values = Map.copyOf(values);
    }

    /** The settings recorded in {@code dataDir}, or all unknown when there is no readable record. */
    public static ReportSettings recordedIn(Path dataDir) {
        Path file = dataDir.resolve(CheckpointSettings.FILE);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            return new ReportSettings(Map.of(), "not recorded in " + dataDir + ": unknown");
        }
        Map<String, String> v = new LinkedHashMap<>();
        for (String name : SHOWN) {
            String value = p.getProperty(name);
            if (value != null) {
                v.put(name, value);
            }
        }
        return new ReportSettings(v, "as recorded with the checkpoint in " + dataDir);
    }

    /** The value of one option, or "unknown". */
    public String get(String option) {
        return values.getOrDefault(option, UNKNOWN);
    }
}
