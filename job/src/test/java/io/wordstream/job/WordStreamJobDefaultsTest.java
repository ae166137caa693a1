package io.wordstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordStreamJobDefaultsTest {
    @Test
    void oneStatePartitionOnOneMachineTwoOnAnyCluster() {
        assertEquals("1", WordStreamJob.shufflePartitions("local[2]"));
        assertEquals("1", WordStreamJob.shufflePartitions("local"));
        assertEquals("2", WordStreamJob.shufflePartitions("spark://127.0.0.1:7077"));
        assertEquals("2", WordStreamJob.shufflePartitions("yarn"));
    }
}
