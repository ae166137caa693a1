package io.wordstream.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the release archive holds and where, taken from a built source tree: every part's jars pooled once in
 * {@code lib/jars}, each part's classpath a directory of links into the pool ({@code lib/console},
 * {@code lib/broker}, {@code lib/bench}, {@code lib/job}, {@code spark-home/jars}), and the launcher, configuration,
 * man pages, the completion script, Docker files and legal files beside them.
 */
public final class ReleaseLayout {
    /** A part that runs from a directory of jars: where the build leaves them, where the archive links them. */
    record Part(String buildDir, String archiveDir) {
    }

    static final List<Part> PARTS = List.of(
            new Part("console/target/lib", "lib/console"),
            new Part("broker/target/lib", "lib/broker"),
            new Part("job/target", "lib/job"),
            new Part("bench/target/lib", "lib/bench"),
            new Part("spark-home/target/spark-home/jars", "spark-home/jars"));

    private final Path root;

    /** @param root the root of a source tree after {@code mvn package} */
    public ReleaseLayout(Path root) {
        this.root = root;
    }

    /**
     * The archive's entries, below its top directory.
     *
     * @param notice the text of the NOTICE file
     */
    public List<Entry> entries(String notice) {
        JarPool pool = new JarPool();
        List<Entry> links = new ArrayList<>();
        for (Part part : PARTS) {
            for (Path jar : jars(root.resolve(part.buildDir()))) {
                String pooled = pool.add(jar);
                String link = part.archiveDir() + "/" + jar.getFileName();
                links.add(Entry.link(link, Path.of(part.archiveDir()).relativize(Path.of(pooled)).toString()));
            }
        }
        List<Entry> entries = new ArrayList<>();
        entries.add(Entry.copy("bin/wordstream", require(root.resolve("dist/src/main/bin/wordstream")),
                Entry.EXECUTABLE));
        Path sparkHome = root.resolve("spark-home/target/spark-home");
        for (Path script : files(sparkHome.resolve("bin"))) {
            entries.add(Entry.copy("spark-home/bin/" + script.getFileName(), script, Entry.EXECUTABLE));
        }
        entries.add(Entry.copy("spark-home/RELEASE", require(sparkHome.resolve("RELEASE")), Entry.FILE));
        for (String dir : List.of("config", "docker")) {
            for (Path file : files(root.resolve(dir))) {
                String path = dir + "/" + file.getFileName();
                entries.add(path.equals("docker/compose.yaml") ? Entry.written(path, ReleaseCompose.of(read(file)))
                        : Entry.copy(path, file, Entry.FILE));
            }
        }
        // The reference pages the build made from the command line: where man and bash-completion look under a prefix.
        Path reference = root.resolve("dist/target/reference");
        for (Path page : files(reference.resolve("man/man1"))) {
            entries.add(Entry.copy("share/man/man1/" + page.getFileName(), page, Entry.FILE));
        }
        entries.add(Entry.copy("share/bash-completion/completions/wordstream",
                require(reference.resolve(ReferencePages.COMPLETION)), Entry.FILE));
        entries.add(Entry.copy("README.md", require(root.resolve("README.md")), Entry.FILE));
        entries.add(Entry.copy("LICENSE", require(root.resolve("LICENSE")), Entry.FILE));
        entries.add(Entry.written("NOTICE", notice));
        entries.addAll(pool.entries());
        entries.addAll(links);
        return entries;
    }

    /** The jars of a part's build folder; the job's folder holds one jar of its own among Maven's other output. */
    private static List<Path> jars(Path dir) {
        List<Path> jars = files(dir).stream().filter(p -> p.getFileName().toString().endsWith(".jar"))
                .filter(p -> !p.getFileName().toString().startsWith("original-"))
                .toList();
        if (jars.isEmpty()) {
            throw new IllegalStateException("no jars in " + dir + ": build the modules first (mvn package)");
        }
        return jars;
    }

    private static List<Path> files(Path dir) {
        require(dir);
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path require(Path p) {
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " is missing: build the modules first (mvn package)");
        }
        return p;
    }
}
