package io.wordstream.console.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.wordstream.console.launch.LogTail;
import io.wordstream.console.launch.Ports;
import io.wordstream.console.settings.Settings;
import io.wordstream.testsupport.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as the operator meets it: {@code ./wordstream} in a real terminal (tmux), a sentence typed, its words
 * and bars on the screen, q to quit, nothing left running; started again, the charts come back from the results
 * topic, and the job restarts from the keys mode.
 */
class ConsoleTmuxIT {
    private static final Duration START = Duration.ofSeconds(180);

    @TempDir
    Path dataDir;

    /** A tmux server of this test alone, so nothing else's sessions are touched. */
    private final String server = "wordstream-it-" + ProcessHandle.current().pid();
    private final int brokerPort = Ports.freePort(Settings.LOOPBACK);
    private boolean failedStartExpected;
    private int columns = 120;

    @AfterEach
    void stopEverything() throws Exception {
        tmux("kill-server");
        ProcessHandle.allProcesses().filter(this::ours).forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void typeASentenceSeeItsBarsQuitAndComeBackToTheSameCharts() throws Exception {
        int http = Ports.freePort(Settings.LOOPBACK);
        startConsole("--http", Integer.toString(http));
        awaitScreen("the pipeline running", s -> s.contains("● RUNNING"), START);

        tmux("send-keys", "-t", "ws", "-l", "alpha beta alpha gamma");
        tmux("send-keys", "-t", "ws", "Enter");
        Pattern alphaBar = Pattern.compile("(?m)^ +alpha +█+ +2( |$)");
        Pattern betaBar = Pattern.compile("(?m)^ +beta +█+ +1( |$)");
        String screen = awaitScreen("the words and their bars",
                s -> alphaBar.matcher(s).find() && betaBar.matcher(s).find(), Duration.ofSeconds(60));
        assertTrue(screen.contains("✓ acknowledged 'alpha beta alpha gamma'"), screen);
        assertTrue(screen.contains("sent 1 · acked 1"), screen);
        // The console's HTTP gateway: a sign-up posted to it is drawn, and it serves the counts the charts show.
        HttpClient client = HttpClient.newHttpClient();
        URI gateway = URI.create("http://127.0.0.1:" + http + "/");
        HttpResponse<String> signUp = client.send(HttpRequest.newBuilder(gateway.resolve("users"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"nome\": \"Ana\", \"resumo\": \"omega omega\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, signUp.statusCode(), signUp.body());
        Pattern omegaBar = Pattern.compile("(?m)^ +omega +█+ +2( |$)");
        awaitScreen("the sign-up's words", s -> omegaBar.matcher(s).find(), Duration.ofSeconds(60));
        String windows = Poll.until(Duration.ofSeconds(30), () -> {
            try {
                return client.send(HttpRequest.newBuilder(gateway.resolve("windows?last=360")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        }, b -> b.contains("{\"key\":\"omega\",\"count\":2}"), "the gateway's counts");
        assertTrue(windows.contains("{\"key\":\"alpha\",\"count\":2}"), windows);

        // p in keys mode: a report of the windows shown, its path on the feedback line.
        tmux("send-keys", "-t", "ws", "Escape");
        awaitScreen("keys mode", s -> s.contains("q quit"), Duration.ofSeconds(10));
        tmux("send-keys", "-t", "ws", "p");
        // A path too long for the line loses its start: what shows is the end of the report's path.
        Pattern written = Pattern.compile("report written: …?(\\S+\\.pdf)");
        screen = awaitScreen("the report's path", s -> written.matcher(s).find(), Duration.ofSeconds(60));
        Matcher shown = written.matcher(screen);
        assertTrue(shown.find());
        List<Path> reports;
        try (Stream<Path> files = Files.list(dataDir.resolve("reports"))) {
            reports = files.toList();
        }
        assertEquals(1, reports.size(), reports.toString());
        Path report = reports.get(0);
        assertTrue(report.toString().endsWith(shown.group(1)), report + " shown as " + shown.group(1));
        try (PDDocument doc = Loader.loadPDF(report.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(" alpha 2 ") && text.contains(" omega 2 "), text);
        }

        quitWithQ();

        startConsole();
        // The sign-up was sent last, so its window is the newest; the first sentence's may be an older one.
        screen = awaitScreen("the charts rebuilt from the results topic",
                s -> s.contains("● RUNNING") && omegaBar.matcher(s).find(), START);
        for (int older = 0; older < 3 && !(alphaBar.matcher(screen).find() && betaBar.matcher(screen).find());
                older++) {
            tmux("send-keys", "-t", "ws", "PPage");
            String current = windowLine(screen);
            screen = awaitScreen("an older window than " + current, s -> !windowLine(s).equals(current),
                    Duration.ofSeconds(10));
        }
        assertTrue(alphaBar.matcher(screen).find() && betaBar.matcher(screen).find(), screen);
        assertTrue(!screen.contains("sent 1"), "nothing was sent this time: " + screen);

        // Restart the job from the keys mode: a new application, the same counts.
        tmux("send-keys", "-t", "ws", "Escape");
        awaitScreen("keys mode", s -> s.contains("q quit"), Duration.ofSeconds(10));
        tmux("send-keys", "-t", "ws", "r");
        awaitScreen("the restart question", s -> s.contains("press y to restart"), Duration.ofSeconds(10));
        tmux("send-keys", "-t", "ws", "y");
        screen = awaitScreen("the restarted job", s -> s.contains("the job was restarted from its checkpoint")
                && s.contains("● RUNNING"), START);
        assertTrue(alphaBar.matcher(screen).find(), screen);
        quit("C-c"); // Ctrl-C quits from the input line too
    }

    @Test
    void aConsoleKilledWithSigkillComesBackToTheSameChartsAndSigtermStopsItCleanly() throws Exception {
        startConsole();
        awaitScreen("the pipeline running", s -> s.contains("● RUNNING"), START);
        tmux("send-keys", "-t", "ws", "-l", "delta delta epsilon");
        tmux("send-keys", "-t", "ws", "Enter");
        Pattern deltaBar = Pattern.compile("(?m)^ +delta +█+ +2( |$)");
        Pattern epsilonBar = Pattern.compile("(?m)^ +epsilon +█+ +1( |$)");
        awaitScreen("the words and their bars", s -> deltaBar.matcher(s).find() && epsilonBar.matcher(s).find(),
                Duration.ofSeconds(60));

        new ProcessBuilder("kill", "-KILL", Long.toString(consoleJvm().pid())).start().waitFor();
        String screen = awaitScreen("the console's end", s -> s.contains("wordstream-exit="), Duration.ofSeconds(30));
        assertTrue(screen.contains("wordstream-exit=137"), screen);
        awaitNoProcessLeft(); // the broker and the driver follow their console
        tmux("kill-session", "-t", "ws");

        startConsole();
        awaitScreen("the same charts after the SIGKILL", s -> s.contains("● RUNNING")
                && deltaBar.matcher(s).find() && epsilonBar.matcher(s).find(), START);
        new ProcessBuilder("kill", "-TERM", Long.toString(consoleJvm().pid())).start().waitFor();
        screen = awaitScreen("the console's exit", s -> s.contains("wordstream-exit="), Duration.ofSeconds(60));
        assertTrue(screen.contains("wordstream-exit=0"), "the console exited 0 after SIGTERM:\n" + screen);
        assertTrue(screen.contains("wordstream: stopped"), screen);
        awaitNoProcessLeft();
    }

    @Test
    void aDriverKilledUnderTheConsoleIsShownRelaunchedAndCountsStayExact() throws Exception {
        startConsole();
        awaitScreen("the pipeline running", s -> s.contains("● RUNNING"), START);
        tmux("send-keys", "-t", "ws", "-l", "kappa kappa lambda");
        tmux("send-keys", "-t", "ws", "Enter");
        Pattern kappaBar = Pattern.compile("(?m)^ +kappa +█+ +2( |$)");
        awaitScreen("the words and their bars", s -> kappaBar.matcher(s).find(), Duration.ofSeconds(60));

        ProcessHandle driver = ProcessHandle.allProcesses().filter(this::ours)
                .filter(p -> p.info().commandLine().orElse("").contains("org.apache.spark.deploy.SparkSubmit"))
                .findFirst().orElseThrow(() -> new AssertionError("no Spark driver"));
        new ProcessBuilder("kill", "-KILL", Long.toString(driver.pid())).start().waitFor();
        awaitScreen("the relaunch announced", s -> s.contains("relaunching the"), Duration.ofSeconds(30));
        String screen = awaitScreen("the job back", s -> s.contains("the job was restarted from its checkpoint")
                && s.contains("● RUNNING"), START);
        assertTrue(!screen.contains("Exception") && !screen.contains("\tat "), screen);

        tmux("send-keys", "-t", "ws", "-l", "kappa mu");
        tmux("send-keys", "-t", "ws", "Enter");
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", Settings.LOOPBACK + ":" + brokerPort);
        try (ResultsReader reader = new ResultsReader(kafka, "wordcounts", "wordstream-metrics")) {
            // Each sentence counted once: nothing lost to the crash, nothing counted twice by the relaunch.
            reader.awaitWordTotals(Duration.ofSeconds(90), Map.of("mu", 1L, "kappa", 3L, "lambda", 1L),
                    "every word typed before the crash and after the relaunch");
        }
        quitWithQ();
    }

    @Test
    void aFailedStartIsShownAndQuittingLeavesNoProcessBehind() throws Exception {
        // The deadline starts once the topics exist, and no first micro-batch follows within 10 ms: the start fails
        // after the broker and the driver started, whatever the machine's speed (2 s was not always too short).
        failedStartExpected = true;
        startConsole("--start-timeout", "10ms");
        String screen = awaitScreen("the failed start", s -> s.contains("FAILED")
                && s.contains("did not complete a micro-batch within 10ms"), START);
        assertTrue(!screen.contains("Exception") && !screen.contains("\tat "), screen);
        assertTrue(screen.contains("Press Ctrl-C to quit"), screen);
        tmux("send-keys", "-t", "ws", "C-c");
        screen = awaitScreen("the console's exit", s -> s.contains("wordstream-exit="), Duration.ofSeconds(60));
        assertTrue(screen.contains("wordstream-exit=1"), "a failed start exits 1:\n" + screen);
        assertTrue(screen.contains("wordstream: the Spark job did not complete a micro-batch within 10ms"), screen);
        awaitNoProcessLeft();
    }

    @Test
    void aBusyBrokerPortExits2AsRunDoesWithItsReason() throws Exception {
        failedStartExpected = true;
        try (ServerSocket busy = new ServerSocket(brokerPort, 1, InetAddress.getByName(Settings.LOOPBACK))) {
            startConsole();
            awaitScreen("the failed start", s -> s.contains("FAILED") && s.contains("port " + brokerPort + " on "),
                    START);
            tmux("send-keys", "-t", "ws", "C-c");
            String screen = awaitScreen("the console's exit", s -> s.contains("wordstream-exit="),
                    Duration.ofSeconds(60));
            assertTrue(screen.contains("wordstream-exit=2"), "a busy port is the operator's to change:\n" + screen);
            assertTrue(screen.contains("wordstream: port " + brokerPort), screen);
        }
        awaitNoProcessLeft();
    }

    @Test
    void underALocalClusterWAddsAWorkerCapitalWStopsOneAndCountsStayExact() throws Exception {
        columns = 160; // the header names the workers after the master's URL
        startConsole("--local-cluster", "1");
        awaitScreen("the pipeline running on one worker", s -> s.contains("● RUNNING")
                && s.contains("workers 1 · executors 1"), START);
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", Settings.LOOPBACK + ":" + brokerPort);
        try (ResultsReader reader = new ResultsReader(kafka, "wordcounts", "wordstream-metrics")) {
            keysMode();
            tmux("send-keys", "-t", "ws", "w");
            awaitScreen("a second worker with an executor", s -> s.contains("workers 2 · executors 2")
                    && s.contains("Spark worker 2 added"), START);
            List<ProcessHandle> twoWorkers = consoleJvm().descendants().toList();

            tmux("send-keys", "-t", "ws", "i");
            tmux("send-keys", "-t", "ws", "-l", "nu nu xi");
            tmux("send-keys", "-t", "ws", "Enter");
            Map<String, Long> counts = Poll.until(Duration.ofSeconds(90), reader::counts,
                    c -> ItSettings.total(c, "nu") >= 2 && ItSettings.total(c, "xi") >= 1,
                    "the sentence counted on two workers");
            assertEquals(2, ItSettings.total(counts, "nu"), counts.toString());
            assertEquals(1, ItSettings.total(counts, "xi"), counts.toString());

            keysMode();
            tmux("send-keys", "-t", "ws", "W");
            awaitScreen("the newest worker stopped", s -> s.contains("workers 1 · executors 1")
                    && s.contains("Spark worker 2 stopped"), START);
            tmux("send-keys", "-t", "ws", "W");
            awaitScreen("the last worker kept", s -> s.contains("the last Spark worker stays"),
                    Duration.ofSeconds(10));

            tmux("send-keys", "-t", "ws", "i");
            tmux("send-keys", "-t", "ws", "-l", "nu omicron");
            tmux("send-keys", "-t", "ws", "Enter");
            counts = Poll.until(Duration.ofSeconds(90), reader::counts,
                    c -> ItSettings.total(c, "omicron") >= 1 && ItSettings.total(c, "nu") >= 3,
                    "the sentence counted after a worker stopped");
            assertEquals(1, ItSettings.total(counts, "omicron"), counts.toString());
            // Each sentence counted once: nothing lost to the stopped executor, nothing counted twice.
            assertEquals(3, ItSettings.total(counts, "nu"), counts.toString());
            assertEquals(1, ItSettings.total(counts, "xi"), counts.toString());

            // A worker added and quit at once: the console stops it by its handle like the others.
            keysMode();
            tmux("send-keys", "-t", "ws", "w");
            Poll.until(Duration.ofSeconds(60), () -> ProcessHandle.allProcesses().filter(this::ours)
                    .anyMatch(p -> p.info().commandLine().orElse("").contains("worker-3")), started -> started,
                    "worker 3 started");
            List<ProcessHandle> all = new ArrayList<>(consoleJvm().descendants().toList());
            all.addAll(twoWorkers);
            quit("q");
            for (ProcessHandle p : all) {
                Poll.until(Duration.ofSeconds(15), p::isAlive, alive -> !alive,
                        "pid " + p.pid() + " " + p.info().commandLine().orElse("") + " to be gone");
            }
        }
    }

    /**
     * 'console --attach' beside 'run': it says in one line when there is no Kafka or no results topic, draws what
     * 'send' wrote, sends what is typed in it, and its q leaves 'run' running.
     */
    @Test
    void anAttachedConsoleChartsWhatRunCountsAndItsQLeavesRunRunning(@TempDir Path attachedDir) throws Exception {
        Path home = Path.of(System.getProperty("wordstream.home")).toAbsolutePath().normalize();
        String kafka = "127.0.0.1:" + brokerPort;
        tmux("new-session", "-d", "-s", "run", "-x", "120", "-y", "10", home.resolve("wordstream") + " run --data-dir "
                + dataDir + " --broker-port " + brokerPort + "; echo wordstream-exit=$?; sleep 120");
        try {
            // While 'run' starts: a Kafka nobody serves.
            int nobody = Ports.freePort(Settings.LOOPBACK);
            attach(home, attachedDir, "--bootstrap-server 127.0.0.1:" + nobody);
            awaitPane("ws", "the missing Kafka's line",
                    s -> s.contains("no pipeline here: no Kafka answers at 127.0.0.1:" + nobody), START);
            detachWithQ();
            awaitPane("run", "run's ready line", s -> s.contains("ready bootstrap="), START);

            attach(home, attachedDir, "--bootstrap-server " + kafka + " --results-topic nosuch");
            awaitPane("ws", "the missing topic's line",
                    s -> s.contains("no pipeline at " + kafka + ": topic 'nosuch' does not exist"), START);
            detachWithQ();

            Process send = new ProcessBuilder(home.resolve("wordstream").toString(), "send", "--data-dir",
                    dataDir.toString(), "--broker-port", Integer.toString(brokerPort), "zeta zeta eta")
                    .redirectErrorStream(true).start();
            assertTrue(send.waitFor(60, TimeUnit.SECONDS), "send ended");
            assertEquals(0, send.exitValue(), new String(send.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            attach(home, attachedDir, "--bootstrap-server " + kafka);
            Pattern zetaBar = Pattern.compile("(?m)^ +zeta +█+ +2( |$)");
            awaitPane("ws", "the words 'send' wrote", s -> s.contains("● RUNNING") && zetaBar.matcher(s).find(),
                    Duration.ofSeconds(60));
            tmux("send-keys", "-t", "ws", "-l", "theta theta theta");
            tmux("send-keys", "-t", "ws", "Enter");
            Pattern thetaBar = Pattern.compile("(?m)^ +theta +█+ +3( |$)");
            String screen = awaitPane("ws", "the typed sentence's words", s -> thetaBar.matcher(s).find(),
                    Duration.ofSeconds(60));
            assertTrue(screen.contains("✓ acknowledged 'theta theta theta'"), screen);
            detachWithQ();

            String run = capture("run");
            assertTrue(!run.contains("wordstream-exit="), "run still runs:\n" + run);
            assertTrue(ProcessHandle.allProcesses().filter(this::ours)
                    .anyMatch(p -> p.info().commandLine().orElse("").contains("io.wordstream.job.WordStreamJob")),
                    "the job still runs");
            tmux("send-keys", "-t", "run", "C-c");
            run = awaitPane("run", "run's exit", s -> s.contains("wordstream-exit="), Duration.ofSeconds(60));
            assertTrue(run.contains("wordstream-exit=0"), run);
            awaitNoProcessLeft();
        } finally {
            tmux("kill-session", "-t", "ws");
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                    .map(c -> c.contains(attachedDir.toString()) && !c.contains("wordstream-exit=")).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }

    private void attach(Path home, Path attachedDir, String options) throws Exception {
        tmux("new-session", "-d", "-s", "ws", "-x", "120", "-y", "36", home.resolve("wordstream")
                + " console --attach --data-dir " + attachedDir + " " + options
                + "; echo wordstream-exit=$?; sleep 120");
    }

    /** q in keys mode: the attached console exits 0 saying the pipeline goes on. */
    private void detachWithQ() throws Exception {
        tmux("send-keys", "-t", "ws", "Escape");
        awaitPane("ws", "keys mode", s -> s.contains("q quit"), Duration.ofSeconds(10));
        tmux("send-keys", "-t", "ws", "q");
        String screen = awaitPane("ws", "the attached console's exit", s -> s.contains("wordstream-exit="),
                Duration.ofSeconds(30));
        assertTrue(screen.contains("wordstream-exit=0") && screen.contains("wordstream: detached"), screen);
        tmux("kill-session", "-t", "ws");
    }

    private ProcessHandle consoleJvm() {
        return ProcessHandle.allProcesses().filter(this::ours)
                .filter(p -> p.info().commandLine().orElse("").contains("io.wordstream.console.Main"))
                .findFirst().orElseThrow(() -> new AssertionError("no console JVM"));
    }

    private void startConsole(String... extraOptions) throws Exception {
        Path home = Path.of(System.getProperty("wordstream.home")).toAbsolutePath().normalize();
        // The shell prints the console's exit status after it, and keeps the pane open to read it.
        String command = home.resolve("wordstream") + " --data-dir " + dataDir + " --broker-port " + brokerPort
                + " " + String.join(" ", extraOptions) + "; echo wordstream-exit=$?; sleep 120";
        tmux("new-session", "-d", "-s", "ws", "-x", Integer.toString(columns), "-y", "36", command);
    }

    /** Esc, and the keys mode shown: a key sent at once after Esc would arrive as Alt and that key. */
    private void keysMode() throws Exception {
        tmux("send-keys", "-t", "ws", "Escape");
        awaitScreen("keys mode", s -> s.contains("q quit"), Duration.ofSeconds(10));
    }

    private void quitWithQ() throws Exception {
        tmux("send-keys", "-t", "ws", "Escape");
        awaitScreen("keys mode", s -> s.contains("q quit"), Duration.ofSeconds(10));
        quit("q");
    }

    private void quit(String key) throws Exception {
        tmux("send-keys", "-t", "ws", key);
        String screen = awaitScreen("the console's exit", s -> s.contains("wordstream-exit="), Duration.ofSeconds(60));
        assertTrue(screen.contains("wordstream-exit=0"), "the console exited 0 after q:\n" + screen);
        assertTrue(screen.contains("wordstream: stopped"), screen);
        // Each step of the stop the screen showed stays on the terminal (how long it took belongs in docs/).
        assertTrue(screen.contains("wordstream: stopping the Spark job (at "), screen);
        assertTrue(screen.contains("wordstream: stopping the Kafka broker (at "), screen);
        assertTrue(screen.contains("wordstream: the stop took "), screen);
        awaitNoProcessLeft();
        tmux("kill-session", "-t", "ws");
    }

    private void awaitNoProcessLeft() {
        Poll.until(Duration.ofSeconds(30), () -> ProcessHandle.allProcesses().filter(this::ours)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList(), List::isEmpty,
                "no process left after quitting");
    }

    /**
     * A process of this test's pipeline: its command line names the data dir. The tmux server and the pane's shell
     * name it too, in the command that prints the exit status: they are the test's, not the console's.
     */
    private boolean ours(ProcessHandle p) {
        return p.isAlive() && p.pid() != ProcessHandle.current().pid()
                && p.info().commandLine().map(c -> c.contains(dataDir.toString()) && !c.contains("wordstream-exit="))
                        .orElse(false);
    }

    /** The header line naming the window the charts show. */
    private static String windowLine(String screen) {
        return screen.lines().filter(l -> l.startsWith(" Window ")).findFirst().orElse("");
    }

    private String awaitScreen(String what, Predicate<String> done, Duration timeout) {
        return awaitPane("ws", what, done, timeout);
    }

    private String awaitPane(String session, String what, Predicate<String> done, Duration timeout) {
        // When the console says its start failed, there is no point waiting out the timeout.
        Predicate<String> failedStart = s -> !failedStartExpected && s.contains("did not start");
        String screen = Poll.until(timeout, () -> capture(session), s -> done.test(s) || failedStart.test(s),
                () -> "the screen to show " + what + brokerLog());
        if (!done.test(screen)) {
            fail("the screen did not show " + what + ":\n" + screen + brokerLog());
        }
        return screen;
    }

    private String brokerLog() {
        return "\nbroker.log:\n" + String.join("\n", LogTail.lastLines(dataDir.resolve("logs/broker.log"), 30));
    }

    private String capture(String session) {
        try {
            return tmux("capture-pane", "-p", "-t", session);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted reading the screen", e);
        }
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", server));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("tmux is needed for this test (apt-get install tmux; .ci/run installs it)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }
}
