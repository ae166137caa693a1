package io.wordstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordstream.bench.curve.BatchProfile;
import io.wordstream.bench.curve.RateStep;
import io.wordstream.bench.measure.Latency;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurveChartTest {
    @TempDir
    Path dir;

    private static RateStep step(int rate, double p50, double p99) {
        return new RateStep(rate, rate, rate * 12.0, new Latency(100, p50, p99, p99, p99, p99), 0, 0, true, 0,
                BatchProfile.EMPTY);
    }

    @Test
    void theCurvesAreDrawnAsAPngInANewDirectory() throws Exception {
        Path png = dir.resolve("docs").resolve("curve.png");
        CurveChart.write(List.of(
                new SubjectResult("wordstream", Optional.empty(), Optional.empty(), Latency.EMPTY, 0,
                        List.of(step(100, 200, 400), step(1_000, 210, 420), step(100_000, 600, 2_000)), List.of(),
                        Map.of(), Optional.empty()),
                new SubjectResult("Kafka Streams", Optional.empty(), Optional.empty(), Latency.EMPTY, 0,
                        List.of(step(100, 150, 200), step(1_000, 0.4, 0.8)), List.of(), Map.of(), Optional.empty())),
                png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(600, image.getHeight());
        // Not a blank page: the curves' colours are on it.
        boolean coloured = false;
        for (int x = 0; x < image.getWidth() && !coloured; x += 2) {
            for (int y = 0; y < image.getHeight() && !coloured; y += 2) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int b = rgb & 0xff;
                coloured = b > r + 80;
            }
        }
        assertTrue(coloured, "no curve drawn in " + png);
    }
}
