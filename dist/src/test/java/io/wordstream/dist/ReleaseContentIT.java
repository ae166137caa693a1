package io.wordstream.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** What the release archive holds, read from the archive the build made: whole, each file once, build tree nowhere. */
class ReleaseContentIT {
    private static final Path ARCHIVE = Path.of(System.getProperty("wordstream.archive"));
    private static final String TOP = "wordstream-" + System.getProperty("wordstream.version") + "/";

    /** Every entry by its path below the top directory. */
    private static final Map<String, TarArchiveEntry> ENTRIES = new LinkedHashMap<>();
    private static final Map<String, String> DIGESTS = new HashMap<>();
    private static final Map<String, String> TEXTS = new HashMap<>();
    private static final List<String> DUPLICATE_NAMES = new ArrayList<>();
    private static final List<String> TEST_CLASSES = new ArrayList<>();

    @BeforeAll
    static void readArchive() throws Exception {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                new BufferedInputStream(Files.newInputStream(ARCHIVE))))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                assertTrue(e.getName().startsWith(TOP), "every entry is under " + TOP + ": " + e.getName());
                String path = e.getName().substring(TOP.length());
                if (ENTRIES.put(path, e) != null) {
                    DUPLICATE_NAMES.add(path);
                }
                // Commons Compress counts a link as a file too.
                if (e.isSymbolicLink() || !e.isFile()) {
                    continue;
                }
                byte[] bytes = tar.readAllBytes();
                DIGESTS.put(path, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
                if (path.endsWith(".jar")) {
                    if (path.contains("/wordstream-")) {
                        TEST_CLASSES.addAll(testClasses(path, bytes));
                    }
                } else {
                    TEXTS.put(path, new String(bytes, StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    @Test
    void itHoldsEveryPartOfARelease() {
        for (String part : List.of("bin/wordstream", "README.md", "LICENSE", "NOTICE", "config/wordstream.properties",
                "config/log4j2-console.properties", "docker/Dockerfile", "docker/compose.yaml",
                "spark-home/bin/spark-submit", "spark-home/bin/spark-class", "lib/console/wordstream-console.jar",
                "lib/broker/wordstream-broker.jar", "lib/job/wordstream-job.jar", "lib/bench/wordstream-bench.jar")) {
            assertTrue(ENTRIES.containsKey(part), part + " is in the archive");
        }
        assertEquals(0755, ENTRIES.get("bin/wordstream").getMode() & 0777, "bin/wordstream is executable");
        assertEquals(0755, ENTRIES.get("spark-home/bin/spark-submit").getMode() & 0777);
        assertTrue(ENTRIES.keySet().stream().anyMatch(p -> p.matches("spark-home/jars/spark-core_2\\.12-.*\\.jar")));
        assertTrue(TEXTS.get("LICENSE").contains("Apache License\n                           Version 2.0, January"
                + " 2004"), "the Apache License 2.0 text");
    }

    @Test
    void theNoticeListsTheBundledThirdPartyLicences() {
        String notice = TEXTS.get("NOTICE");
        for (String bundled : List.of("org.apache.kafka:kafka_2.13:", "org.apache.spark:spark-core_2.12:",
                "info.picocli:picocli:", "com.fasterxml.jackson.core:jackson-databind:2.18.2",
                "com.fasterxml.jackson.core:jackson-databind:2.15", "org.apache.logging.log4j:log4j-core:",
                "org.scala-lang:scala-library:2.12", "org.scala-lang:scala-library:2.13")) {
            assertTrue(notice.contains(bundled), "NOTICE lists " + bundled);
        }
        assertTrue(notice.lines().anyMatch(l -> l.contains("com.googlecode.lanterna:lanterna:")
                && l.toLowerCase(Locale.ROOT).contains("lesser general public license")),
                "Lanterna is LGPL: " + notice);
        assertFalse(notice.contains("io.wordstream:"), "wordstream's own modules are not third-party");
    }

    @Test
    void nothingIsStoredTwice() {
        assertEquals(List.of(), DUPLICATE_NAMES, "entries with the same path");
        Map<String, String> byDigest = new HashMap<>();
        List<String> twice = new ArrayList<>();
        DIGESTS.forEach((path, digest) -> {
            String other = byDigest.putIfAbsent(digest, path);
            if (other != null && path.endsWith(".jar")) {
                twice.add(path + " = " + other);
            }
        });
        assertEquals(List.of(), twice, "jars stored twice");
        long jarFiles = DIGESTS.keySet().stream().filter(p -> p.endsWith(".jar")).count();
        assertEquals(jarFiles, DIGESTS.keySet().stream().filter(p -> p.startsWith(JarPool.DIR + "/")).count(),
                "every jar file is in " + JarPool.DIR + ", the parts link to it");
    }

    @Test
    void everyLinkLeadsToAJarOfTheArchive() {
        List<String> bad = new ArrayList<>();
        ENTRIES.forEach((path, e) -> {
            if (e.isSymbolicLink()) {
                Path target = Path.of(path).getParent().resolve(e.getLinkName()).normalize();
                if (e.getLinkName().startsWith("/") || target.startsWith("..")
                        || !DIGESTS.containsKey(target.toString())) {
                    bad.add(path + " -> " + e.getLinkName());
                }
            }
        });
        assertEquals(List.of(), bad);
        assertTrue(ENTRIES.get("lib/job/wordstream-job.jar").isSymbolicLink());
    }

    @Test
    void nothingComesFromTheBuildTreeOrFromTests() throws IOException {
        String buildTree = Path.of(System.getProperty("wordstream.home")).toRealPath().toString();
        List<String> naming = TEXTS.entrySet().stream().filter(t -> t.getValue().contains(buildTree))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), naming, "files that name the build tree " + buildTree);
        List<String> buildPaths = ENTRIES.keySet().stream().filter(p -> p.contains("target/") || p.contains(
                "test-classes") || p.endsWith("-tests.jar") || p.contains("junit") || p.contains("original-"))
                .toList();
        assertEquals(List.of(), buildPaths, "build output or test artifacts in the archive");
        assertEquals(List.of(), TEST_CLASSES, "test classes in wordstream's jars");
    }

    @Test
    void itHoldsAManPageForEveryCommandAndTheCompletionScript() throws Exception {
        for (String command : List.of("", "-run", "-console", "-send", "-watch", "-report", "-gateway", "-broker",
                "-master", "-worker", "-completion")) {
            String page = TEXTS.get("share/man/man1/wordstream" + command + ".1");
            String title = ".TH \"WORDSTREAM" + command.toUpperCase(Locale.ROOT).replace("-", "\\-") + "\" \"1\"";
            assertTrue(page != null && page.contains(title),
                    "a troff page for wordstream" + command + ": " + ENTRIES.keySet().stream()
                            .filter(p -> p.startsWith("share/")).toList());
        }
        // man itself reads it: the run page lists run's options.
        Path page = Files.createTempFile("wordstream-run", ".1");
        try {
            Files.writeString(page, TEXTS.get("share/man/man1/wordstream-run.1"), StandardCharsets.ISO_8859_1);
            Process man = new ProcessBuilder("man", "-l", page.toString()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            String shown = new String(man.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, man.waitFor(), shown);
            assertTrue(shown.contains("--broker-port") && shown.contains("wordstream-run"), shown);
            assertTrue(shown.replaceAll("\\s+", " ").contains("a key COMMAND.NAME (run.window=30s) only for that"
                    + " command"), "the help's notes: which defaults apply: " + shown);
        } finally {
            Files.delete(page);
        }
        String completion = TEXTS.get("share/bash-completion/completions/wordstream");
        assertTrue(completion != null && completion.contains("complete -F _complete_wordstream"), "the script");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileInTheArchiveBuildsFromTheArchive() {
        Map<String, Object> compose = new Yaml().load(TEXTS.get("docker/compose.yaml"));
        Map<String, Object> build = (Map<String, Object>) ((Map<String, Object>) compose.get("x-wordstream"))
                .get("build");
        // Compose resolves the context from the file's own directory, and the Dockerfile from the context.
        Path context = Path.of("docker").resolve(String.valueOf(build.get("context"))).normalize();
        assertEquals(Path.of(""), context, "the context is the archive's top directory: " + build);
        String dockerfile = context.resolve(String.valueOf(build.get("dockerfile"))).toString();
        assertTrue(TEXTS.containsKey(dockerfile), dockerfile + " is in the archive");
        Map<String, Object> args = (Map<String, Object>) build.get("args");
        String version = TOP.substring("wordstream-".length(), TOP.length() - 1);
        assertEquals("${WORDSTREAM_VERSION:-" + version + "}", args.get("WORDSTREAM_VERSION"),
                "the version passed to the image is this archive's unless the operator exports another");
        assertEquals("wordstream:${WORDSTREAM_VERSION:-" + version + "}", ((Map<String, Object>) compose
                .get("x-wordstream")).get("image"));
        // The stage the archive's file asks for copies the context, which holds what the image runs.
        String stage = "AS from-" + args.get("WORDSTREAM_SOURCE");
        List<String> lines = TEXTS.get(dockerfile).lines().toList();
        int from = lines.indexOf(lines.stream().filter(l -> l.endsWith(stage)).findFirst().orElseThrow(
                () -> new AssertionError("no stage " + stage + " in " + dockerfile)));
        assertTrue(lines.subList(from, lines.size()).stream().anyMatch(l -> l.equals(
                "COPY . /opt/wordstream-${WORDSTREAM_VERSION}/")), "the stage copies the context");
        assertTrue(TEXTS.get(dockerfile).contains("ENTRYPOINT [\"/opt/wordstream/bin/wordstream\"]"));
        assertEquals(0755, ENTRIES.get("bin/wordstream").getMode() & 0777, "what the entry point runs, executable");
        // The worker's offer comes from the operator's environment, as the file's header says.
        Map<String, Object> worker = (Map<String, Object>) ((Map<String, Object>) compose.get("services"))
                .get("worker");
        assertEquals(Map.of("WORDSTREAM_WORKER_CORES", "${WORDSTREAM_WORKER_CORES:-1}", "WORDSTREAM_WORKER_MEMORY",
                "${WORDSTREAM_WORKER_MEMORY:-1g}"), worker.get("environment"));
    }

    @Test
    void theBuildReportsTheArchivesSize() throws IOException {
        String report = Files.readString(ARCHIVE.resolveSibling(ReleaseArchive.REPORT));
        Matcher size = Pattern.compile("release archive .*" + Pattern.quote(ARCHIVE.getFileName().toString())
                + ": ([0-9.]+) MB").matcher(report);
        assertTrue(size.find(), report);
        assertEquals(String.format(Locale.ROOT, "%.1f", Files.size(ARCHIVE) / 1e6), size.group(1));
    }

    private static List<String> testClasses(String jar, byte[] bytes) throws IOException {
        List<String> found = new ArrayList<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                boolean ours = e.getName().startsWith("io/wordstream/");
                if (ours && e.getName().matches(".*(Test|IT|Tests)(\\$.*)?\\.class")
                        || e.getName().startsWith("org/junit/")) {
                    found.add(jar + "!" + e.getName());
                }
            }
        }
        return found;
    }
}
