package io.wordstream.console.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.common.HostPort;
import io.wordstream.common.JobConfig;
import io.wordstream.common.PipelineSettings;
import io.wordstream.common.TokenizerMode;
import io.wordstream.console.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointSettingsTest {
    @TempDir
    Path dataDir;

    private Settings settings(PipelineSettings pipeline, Map<String, String> conf) {
        return Settings.builder().dataDir(dataDir).pipeline(pipeline).sparkConf(conf).build();
    }

    private static PipelineSettings window(int seconds) {
        PipelineSettings d = PipelineSettings.defaults();
        return new PipelineSettings(Duration.ofSeconds(seconds), Duration.ofSeconds(seconds),
                Duration.ofSeconds(seconds), d.letters(), d.lengths(), d.tokenizer(), d.textField());
    }

    private Path checkpointWithOffsets(String offsetLogEntry) throws IOException {
        Path offsets = Files.createDirectories(dataDir.resolve("checkpoint").resolve("offsets"));
        Files.writeString(offsets.resolve("0"), "v1\n{\"conf\":{\"spark.sql.shuffle.partitions\":\"9\"}}\n{}\n");
        Files.writeString(offsets.resolve("12"), offsetLogEntry);
        Files.writeString(offsets.resolve(".12.tmp"), "not an entry");
        return dataDir.resolve("checkpoint");
    }

    @Test
    void noCheckpointMeansNothingToCompare() {
        assertEquals(Optional.empty(), CheckpointSettings.recorded(dataDir, dataDir.resolve("checkpoint")));
    }

    @Test
    void theFirstChangedSettingIsNamedWithItsRecordedValue() throws IOException {
        Path checkpoint = checkpointWithOffsets("v1\n{\"conf\":{}}\n");
        CheckpointSettings.of(settings(PipelineSettings.defaults(), Map.of())).write(dataDir);
        CheckpointSettings recorded = CheckpointSettings.recorded(dataDir, checkpoint).orElseThrow();

        assertEquals(Optional.empty(), recorded.firstDifference(
                CheckpointSettings.of(settings(PipelineSettings.defaults(), Map.of()))));
        assertEquals(Optional.of("--window 10s, not 20s"),
                recorded.firstDifference(CheckpointSettings.of(settings(window(20), Map.of()))));
        PipelineSettings d = PipelineSettings.defaults();
        PipelineSettings letters = new PipelineSettings(d.window(), d.slide(), d.watermark(), List.of("A", "B"),
                d.lengths(), TokenizerMode.UNICODE, d.textField());
        assertEquals(Optional.of("--letters P,R,S, not A,B"),
                recorded.firstDifference(CheckpointSettings.of(settings(letters, Map.of()))));
        assertTrue(Files.readString(dataDir.resolve(CheckpointSettings.FILE)).contains("--window=10s"));
        // The same letters in another order or case are the same settings.
        PipelineSettings same = new PipelineSettings(d.window(), d.slide(), d.watermark(), List.of("r", "s", "P"),
                List.of(11, 6, 8), d.tokenizer(), d.textField());
        assertEquals(Optional.empty(), recorded.firstDifference(CheckpointSettings.of(settings(same, Map.of()))));
    }

    @Test
    void topicsTheCheckpointReadAndThisRunDoesNotAreNamedAndAddedOnesAreNot() throws IOException {
        // Read from the checkpoint's own newest committed offsets, so a checkpoint older than the settings file
        // counts too; not from a newer entry a run on other topics planned and never committed.
        Path checkpoint = checkpointWithOffsets("v1\n{\"conf\":{}}\n{\"b\":{\"0\":7},\"a\":{\"1\":2,\"0\":3}}\n");
        Files.writeString(checkpoint.resolve("offsets").resolve("13"), "v1\n{\"conf\":{}}\n{\"other\":{\"0\":0}}\n");
        Files.createDirectories(checkpoint.resolve("commits"));
        Files.writeString(checkpoint.resolve("commits").resolve("11"), "v1\n{}\n");
        Files.writeString(checkpoint.resolve("commits").resolve("12"), "v1\n{}\n");
        CheckpointSettings recorded = CheckpointSettings.recorded(dataDir, checkpoint).orElseThrow();

        assertEquals(Optional.of("--topics a,b, not sentences"),
                recorded.firstDifference(CheckpointSettings.of(topics("sentences"))));
        assertEquals(Optional.empty(), recorded.firstDifference(CheckpointSettings.of(topics("b", "a", "b"))));
        assertEquals(Optional.of("--topics a,b, not a"), recorded.firstDifference(CheckpointSettings.of(topics("a"))));
        // A topic added is read from its start, which Spark does by itself.
        assertEquals(Optional.empty(), recorded.firstDifference(CheckpointSettings.of(topics("a", "b", "c"))));
        // Read from a socket, the job has no topics to compare.
        Settings socket = Settings.builder().dataDir(dataDir).pipeline(PipelineSettings.defaults()).sparkConf(Map.of())
                .source(JobConfig.Source.SOCKET).socket(Optional.of(HostPort.parse("127.0.0.1:9999", "--socket")))
                .build();
        assertEquals(Optional.empty(), recorded.firstDifference(CheckpointSettings.of(socket)));
        CheckpointSettings.of(topics("a")).write(dataDir);
        assertFalse(Files.readString(dataDir.resolve(CheckpointSettings.FILE)).contains("topics"), "not kept twice");
        assertEquals(Optional.of("a,b"), CheckpointSettings.topicsRead(checkpoint));
    }

    @Test
    void anOffsetEntryOfAnotherSourceOrNoCommitHasNoTopics() throws IOException {
        assertEquals(Optional.empty(), CheckpointSettings.topicsRead(checkpointWithOffsets("v1\n{}\n{\"a\":{}}\n")));
        Files.createDirectories(dataDir.resolve("checkpoint").resolve("commits"));
        Files.writeString(dataDir.resolve("checkpoint").resolve("commits").resolve("12"), "v1\n{}\n");
        assertEquals(Optional.empty(), CheckpointSettings.topicsRead(checkpointWithOffsets("v1\n{\"conf\":{}}\n12\n")));
        assertEquals(Optional.empty(), CheckpointSettings.topicsRead(checkpointWithOffsets("v1\n{\"conf\":{}}\n")));
        assertEquals(Optional.empty(), CheckpointSettings.topicsRead(checkpointWithOffsets("v1\n{}\n{\"a\": 3}\n")));
    }

    private Settings topics(String... names) {
        return Settings.builder().dataDir(dataDir).pipeline(PipelineSettings.defaults()).sparkConf(Map.of())
                .inputTopics(List.of(names)).build();
    }

    @Test
    void shufflePartitionsComeFromTheNewestOffsetLogEntryAndCountOnlyWhenNamed() throws IOException {
        Path checkpoint = checkpointWithOffsets(
                """
                v1
                {"batchWatermarkMs":0,"conf":{"spark.sql.shuffle.partitions" : "1"}}
                {"sentences":{}}
                """);
        assertEquals(Optional.of("1"), CheckpointSettings.shufflePartitions(checkpoint));
        // A checkpoint from before settings were recorded: only what it holds itself is compared.
        CheckpointSettings recorded = CheckpointSettings.recorded(dataDir, checkpoint).orElseThrow();
        assertEquals(Optional.empty(), recorded.firstDifference(
                CheckpointSettings.of(settings(window(20), Map.of()))));
        assertEquals(Optional.empty(), recorded.firstDifference(
                CheckpointSettings.of(settings(PipelineSettings.defaults(),
                        Map.of("spark.sql.shuffle.partitions", "1")))));
        assertEquals(Optional.of("--conf spark.sql.shuffle.partitions=1, not 4"), recorded.firstDifference(
                CheckpointSettings.of(settings(PipelineSettings.defaults(),
                        Map.of("spark.sql.shuffle.partitions", "4")))));
    }
}
