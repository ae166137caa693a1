package io.wordstream.console.settings;

import io.wordstream.console.errors.UserError;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the built artifacts the console starts are: the broker's classpath, the job jar, the Spark home and the
 * default configuration ({@code wordstream.home}). Two layouts: a source tree, where they sit in the modules' build
 * folders, and an unpacked release archive, whose {@code lib/} holds each part's classpath as links into
 * {@code lib/jars} (docs/release.md).
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
            // A release's lib/console/wordstream-console.jar, or a source tree's console/target/lib/...
            Path parts = jar.getParent().getParent();
            return new Install("lib".equals(String.valueOf(parts.getFileName())) ? parts.getParent()
                    : parts.getParent().getParent(), sparkHome);
        } catch (URISyntaxException | NullPointerException e) {
            return new Install(Path.of("").toAbsolutePath(), sparkHome);
        }
    }

    /** True for an unpacked release archive, false for a source tree (the same test as bin/wordstream's). */
    public boolean release() {
        return Files.isDirectory(home.resolve("lib"));
    }

    public Path brokerLib() {
        return requireWhole(require(home.resolve(release() ? "lib/broker" : "broker/target/lib"),
                "the embedded broker's classpath"));
    }

    public Path jobJar() {
        return require(home.resolve(release() ? "lib/job/wordstream-job.jar" : "job/target/wordstream-job.jar"),
                "the Spark job jar");
    }

    /** The command that starts wordstream from this install. */
    public Path launcher() {
        return home.resolve(release() ? "bin/wordstream" : "wordstream");
    }

    /** {@code SPARK_HOME} when set (a real Spark 3.5 installation), else the one the build assembles. */
    public Path sparkHome() {
        if (sparkHomeEnv.isPresent()) {
            return require(sparkHomeEnv.get().resolve("bin/spark-submit"), "spark-submit of SPARK_HOME").getParent()
                    .getParent();
        }
        Path sparkHome = home.resolve(release() ? "spark-home" : "spark-home/target/spark-home");
        require(sparkHome.resolve("bin/spark-submit"), "the assembled Spark home");
        return requireWhole(sparkHome.resolve("jars")).getParent();
    }

    public Path configDir() {
        return home.resolve("config");
    }

    /**
     * Where the class data archives of the JVMs the console starts are kept: in a source tree, with the build output
     * (removed by {@code mvn clean}); in a release, in its {@code cds/} when the install can be written to, else in
     * the data dir, else nowhere.
     */
    public ClassDataPlace classDataPlace(Path dataDir) {
        return ClassDataPlace.choose(home.resolve(release() ? "cds" : "target/cds"), home, dataDir,
                ClassDataPlace::writable);
    }

    private Path require(Path p, String what) {
        if (!Files.exists(p)) {
            // A part of a release is named by its place in the release; SPARK_HOME's by its full path.
            throw new UserError(release() && p.startsWith(home)
                    ? "this install is missing " + home.relativize(p) + " (" + what + "): unpack the release archive"
                            + " again"
                    : what + " is missing at " + p + ": build it with 'mvn -B -DskipTests package' in the source tree"
                            + " (./wordstream does this by itself)");
        }
        return p;
    }

    /** A classpath folder with every jar in it: a release's jars are links, and a deleted jar leaves one dangling. */
    private Path requireWhole(Path dir) {
        if (!release()) {
            return dir;
        }
        try (Stream<Path> files = Files.list(dir)) {
            Optional<Path> broken = files.filter(f -> !Files.exists(f)).sorted().findFirst();
            if (broken.isPresent()) {
                require(broken.get(), "a jar of " + home.relativize(dir));
            }
        } catch (IOException e) {
            throw new UserError("cannot read " + dir + ": " + e.getMessage());
        }
        return dir;
    }
}
