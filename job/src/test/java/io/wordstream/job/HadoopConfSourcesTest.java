package io.wordstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class HadoopConfSourcesTest {
    @Test
    void theCopySparkBroadcastsKeepsEverySettingWithoutTheirSources() throws IOException {
        Configuration hadoop = new Configuration();
        hadoop.set("wordstream.test", "kept");
        byte[] before = written(new Configuration(hadoop));
        assertTrue(hadoop.getPropertySources("fs.defaultFS") != null, "core-default.xml's settings have sources");

        int forgotten = HadoopConfSources.forget(hadoop);

        assertTrue(forgotten > 100, forgotten + " settings had sources");
        assertNull(hadoop.getPropertySources("fs.defaultFS"));
        // What the state store operators broadcast: a copy, written as Hadoop writes it.
        Configuration copy = new Configuration(hadoop);
        assertNull(copy.getPropertySources("fs.defaultFS"));
        byte[] after = written(copy);
        assertTrue(after.length < before.length, after.length + " bytes against " + before.length);
        Configuration read = new Configuration(false);
        read.readFields(new DataInputStream(new ByteArrayInputStream(after)));
        assertEquals(settings(hadoop), settings(read));
        assertEquals("kept", read.get("wordstream.test"));
    }

    @Test
    void theSettingIsTrueOrFalse() {
        assertTrue(HadoopConfSources.wanted(new SparkConf(false)));
        assertFalse(HadoopConfSources.wanted(new SparkConf(false).set(HadoopConfSources.FORGET, " False")));
        for (String bad : List.of("yes", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HadoopConfSources.wanted(new SparkConf(false).set(HadoopConfSources.FORGET, bad)));
            assertEquals(HadoopConfSources.FORGET + " must be true or false, not '" + bad + "'", e.getMessage());
        }
    }

    private static byte[] written(Configuration conf) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            conf.write(out);
        }
        return bytes.toByteArray();
    }

    private static Map<String, String> settings(Configuration conf) {
        Map<String, String> all = new TreeMap<>();
        conf.forEach(e -> all.put(e.getKey(), e.getValue()));
        return all;
    }
}
