package io.wordstream.console.settings;

import io.wordstream.console.UserError;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the built artifacts the console starts are: the broker's classpath, the job jar, the Spark home and the
 * default configuration. They sit in the source tree's module folders ({@code wordstream.home}).
 */
public record Install(Path home, Optional<Path> sparkHomeEnv) {

    public Install(Path home) {
        this(home, Optional.empty());
    }

    /**
     * The install this console runs from: {@code -Dwordstream.home}, else three levels above its own jar; with
     * {@code SPARK_HOME} from the environment.
     */
    public static Install current() {
        Optional<Path> sparkHome = Optional.ofNullable(System.getenv("SPARK_HOME")).filter(s -> !s.isBlank())
                .map(Path::of);
        String prop = System.getProperty("wordstream.home");
        if (prop != null && !prop.isBlank()) {
            return new Install(Path.of(prop).toAbsolutePath().normalize(), sparkHome);
        }
        try {
            Path jar = Path.of(Install.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // console/target/lib/wordstream-console.jar -> the source tree's root
            return new Install(jar.getParent().getParent().getParent().getParent(), sparkHome);
        } catch (URISyntaxException | NullPointerException e) {
            return new Install(Path.of("").toAbsolutePath(), sparkHome);
        }
    }

    public Path brokerLib() {
        return require(home.resolve("broker/target/lib"), "the embedded broker's classpath");
    }

    public Path jobJar() {
        return require(home.resolve("job/target/wordstream-job.jar"), "the Spark job jar");
    }

    /** {@code SPARK_HOME} when set (a real Spark 3.5 installation), else the one the build assembles. */
    public Path sparkHome() {
        if (sparkHomeEnv.isPresent()) {
            return require(sparkHomeEnv.get().resolve("bin/spark-submit"), "spark-submit of SPARK_HOME").getParent()
                    .getParent();
        }
        return require(home.resolve("spark-home/target/spark-home/bin/spark-submit"), "the assembled Spark home")
                .getParent().getParent();
    }

    public Path configDir() {
        return home.resolve("config");
    }

    /** Class data archives of the JVMs the console starts: build output, removed by {@code mvn clean}. */
    public Path classDataCache() {
        return home.resolve("target/cds");
    }

    private static Path require(Path p, String what) {
        if (!Files.exists(p)) {
            throw new UserError(what + " is missing at " + p + ": build it with 'mvn -B -DskipTests package' in the"
                    + " source tree (./wordstream does this by itself)");
        }
        return p;
    }
}
