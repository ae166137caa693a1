package io.wordstream.console.launch;

import io.wordstream.console.errors.UserError;
import io.wordstream.console.settings.Install;
import io.wordstream.console.settings.Settings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.launcher.SparkAppHandle;
import org.apache.spark.launcher.SparkLauncher;

/**
 * The Spark job, launched through {@link SparkLauncher} (so any master works: local, standalone, YARN, k8s) and
 * stopped by its stop file, which lets the running micro-batch finish and the checkpoint stay clean.
 */
public final class SparkJob implements AutoCloseable {
    /** How long a driver that has stopped its job may take to exit before it is stopped by force. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(2);
    static final String MAIN_CLASS = "io.wordstream.job.WordStreamJob";
    /** Named, not referenced: the console does not depend on the job module, which runs in another JVM. */
    static final String LOCAL_CHECKPOINT_FILE_SYSTEM = "io.wordstream.job.LocalCheckpointFileSystem";
    private static final String DRIVER_BIND_ADDRESS = "spark.driver.bindAddress";
    private static final String DRIVER_HOST = "spark.driver.host";
    private static final Set<String> JVM_OPTION_LISTS = Set.of("spark.driver.extraJavaOptions");
    /**
     * C2 waits for three times its default counts: each batch runs thousands of planner methods a few times each,
     * which otherwise keep C2 busy for the first minute (docs/benchmarks.md, "tuning log").
     */
    static final List<String> DRIVER_JIT = List.of(
            "-XX:Tier4InvocationThreshold=15000", "-XX:Tier4MinInvocationThreshold=1800",
            "-XX:Tier4CompileThreshold=45000", "-XX:Tier4BackEdgeThreshold=120000");

    private final SparkAppHandle handle;
    private final Path stopFile;
    private final Path log;
    private final Optional<ProcessHandle> driver;
    private final ClassDataArchive classData;

    private SparkJob(SparkAppHandle handle, Path stopFile, Path log, Optional<ProcessHandle> driver,
                     ClassDataArchive classData) {
        this.classData = classData;
        this.handle = handle;
        this.stopFile = stopFile;
        this.log = log;
        this.driver = driver;
    }

    /**
     * Launches the job.
     *
     * @param onState called on the launcher's thread at every state change
     */
    public static SparkJob launch(Settings settings, Install install, Consumer<SparkAppHandle> onState) {
        return launch(settings, install, MAIN_CLASS, onState);
    }

    /**
     * Launches another main class of the job jar the same way (the benchmark's baseline, the original design).
     *
     * @param onState called on the launcher's thread at every state change
     */
    public static SparkJob launch(Settings settings, Install install, String mainClass,
                                  Consumer<SparkAppHandle> onState) {
        Path stopFile = settings.runDir().resolve("job.stop");
        Path log = settings.logDir().resolve("job.log");
        try {
            Files.createDirectories(settings.runDir());
            Files.createDirectories(settings.logDir());
            Files.deleteIfExists(stopFile);
        } catch (IOException e) {
            throw new UserError("cannot prepare " + settings.runDir() + ": " + e.getMessage());
        }
        Map<String, String> env = new HashMap<>();
        boolean secured = settings.security().secured();
        if (settings.sparkOnLoopback() || secured && settings.sparkConf().containsKey(DRIVER_HOST)) {
            // Nothing outside this machine takes part: the driver's block manager and web UI listen on loopback only.
            // Secured, with its address given, the driver's RPC listens there and its web UI on loopback only.
            env.put("SPARK_LOCAL_IP", Settings.LOOPBACK);
        } else if (settings.sparkConf().containsKey(DRIVER_BIND_ADDRESS)) {
            // The driver's web UI binds to SPARK_LOCAL_IP, else to 0.0.0.0: keep it on the address the driver was
            // given for executors on other hosts.
            env.put("SPARK_LOCAL_IP", settings.sparkConf().get(DRIVER_BIND_ADDRESS));
        }
        env.put("WORDSTREAM_NEW_SESSION", "1");
        boolean inDriver = executorsInDriver(settings.master());
        SparkLauncher launcher = new SparkLauncher(env)
                .setSparkHome(install.sparkHome().toString())
                .setAppResource(inDriver ? SparkLauncher.NO_RESOURCE : install.jobJar().toString())
                .setMainClass(mainClass)
                .setMaster(settings.master())
                .setAppName("wordstream")
                .setConf(SparkLauncher.DRIVER_MEMORY, settings.driverMemory())
                .redirectError()
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        List<Path> driverClasspath = new ArrayList<>(ClassDataArchive.jarsIn(install.sparkHome().resolve("jars")));
        if (inDriver) {
            // Executors in the driver's JVM find the job on its classpath: no copy of the jar fetched from the
            // driver's file server at start, and its classes archived with Spark's (a rebuilt job records anew).
            driverClasspath.add(0, install.jobJar());
        }
        ClassDataArchive classData = ClassDataArchive.of(install.classDataPlace(settings.dataDir()), "driver",
                driverClasspath);
        Map<String, String> conf = defaultConf(settings, install, classData);
        if (secured && !env.containsKey("SPARK_LOCAL_IP")) {
            // Its web UI would listen on every address: off, unless the operator's --conf asks for it.
            conf.put("spark.ui.enabled", "false");
        }
        Map<String, String> merged = withOperatorConf(conf, settings.sparkConf());
        if (inDriver) {
            merged.merge(SparkLauncher.DRIVER_EXTRA_CLASSPATH, install.jobJar().toString(),
                    (theirs, job) -> job + File.pathSeparator + theirs);
        }
        merged.forEach(launcher::setConf);
        JobSecrets.sparkProperties(settings).ifPresent(f -> launcher.setPropertiesFile(f.toString()));
        launcher.addAppArgs(JobSecrets.forJob(settings).jobConfig(stopFile, ProcessHandle.current().pid()).toArgs()
                .toArray(String[]::new));

        Set<Long> before = childPids();
        SparkAppHandle handle;
        try {
            handle = launcher.startApplication(new SparkAppHandle.Listener() {
                @Override
                public void stateChanged(SparkAppHandle h) {
                    onState.accept(h);
                }

                @Override
                public void infoChanged(SparkAppHandle h) {
                    onState.accept(h);
                }
            });
        } catch (IOException e) {
            throw new UserError("cannot launch the Spark job with " + install.sparkHome() + ": " + e.getMessage());
        }
        // spark-submit replaces itself with the driver JVM, so the new child is the driver (in client mode).
        Optional<ProcessHandle> driver = ProcessHandle.current().children()
                .filter(p -> !before.contains(p.pid()))
                .findFirst();
        return new SparkJob(handle, stopFile, log, driver, classData);
    }

    /**
     * Wordstream's settings with the operator's {@code --conf} on top. A list of JVM options is joined, not replaced:
     * {@code --conf spark.driver.extraJavaOptions=-Dx=y} keeps the driver's fixed heap, class data archive and log
     * configuration, and where both give the same option the JVM takes the last one, the operator's.
     */
    static Map<String, String> withOperatorConf(Map<String, String> ours, Map<String, String> operator) {
        Map<String, String> conf = new LinkedHashMap<>(ours);
        operator.forEach((key, value) -> conf.merge(key, value,
                (mine, theirs) -> JVM_OPTION_LISTS.contains(key) ? mine + " " + theirs : theirs));
        return conf;
    }

    /**
     * True for Spark's local masters ({@code local}, {@code local[N]}, {@code local[*]}), whose executor runs in the
     * driver's JVM; not for {@code local-cluster}, whose executors are JVMs of their own and fetch the job's jar.
     */
    static boolean executorsInDriver(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    /** Settings the console always wants, which {@code --conf} may still override. */
    private static Map<String, String> defaultConf(Settings settings, Install install, ClassDataArchive classData) {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.ui.showConsoleProgress", "false");
        List<String> driverOptions = new ArrayList<>(classData.jvmOptions());
        driverOptions.add("-Dlog4j2.configurationFile=" + install.configDir().resolve("log4j2-job.properties").toUri());
        driverOptions.add(BrokerProcess.LOG4J_NO_JMX);
        // The whole heap at start: a heap left to grow hides a leak behind G1's widening (docs/soak.md).
        driverOptions.add("-Xms" + settings.driverMemory());
        driverOptions.add("-XX:+AlwaysPreTouch");
        TransparentHugePages.jvmOption().ifPresent(driverOptions::add);
        driverOptions.addAll(DRIVER_JIT);
        driverOptions.add(HumongousBuffers.REGION_OPTION);
        conf.put("spark.driver.extraJavaOptions", driverOptions.stream().map(SparkJob::quoted)
                .collect(Collectors.joining(" ")));
        conf.put("spark.local.dir", settings.dataDir().resolve("spark-tmp").toString());
        conf.putAll(JobMemory.conf());
        conf.putAll(HumongousBuffers.conf());
        if (settings.localSpark()) {
            // The console is the operator's view of a local job, and the web UI slows small batches
            // (docs/benchmarks.md); --conf spark.ui.enabled=true brings it back.
            conf.put("spark.ui.enabled", "false");
            // Without the UI the driver still keeps each batch's jobs and plans for it; a hundred of each is
            // plenty, a thousand grew the driver's memory (docs/soak.md).
            conf.put("spark.ui.retainedJobs", "100");
            conf.put("spark.ui.retainedStages", "100");
            conf.put("spark.ui.retainedTasks", "1000");
            conf.put("spark.sql.ui.retainedExecutions", "100");
            conf.put("spark.sql.streaming.ui.retainedQueries", "10");
        }
        if (settings.localSpark() || settings.localCluster() > 0) {
            // A local checkpoint needs no .crc files nor a shell command per file to stay atomic
            // (docs/benchmarks.md).
            conf.put("spark.hadoop.fs.file.impl", LOCAL_CHECKPOINT_FILE_SYSTEM);
            conf.put("spark.hadoop.fs.AbstractFileSystem.file.impl", "org.apache.hadoop.fs.local.RawLocalFs");
            conf.put("spark.sql.streaming.checkpointFileManagerClass",
                    "org.apache.spark.sql.execution.streaming.FileSystemBasedCheckpointFileManager");
        }
        if (settings.sparkOnLoopback()) {
            conf.put("spark.driver.host", Settings.LOOPBACK);
            conf.put("spark.driver.bindAddress", Settings.LOOPBACK);
        }
        if (settings.localCluster() > 0) {
            // One single-core executor per worker, so N workers run N executors side by side. No spark.cores.max:
            // the job takes every core, so a worker the operator adds gets an executor of it too.
            conf.put("spark.executor.cores", "1");
            conf.put("spark.executor.memory", LocalCluster.EXECUTOR_MEMORY);
        }
        conf.putAll(HostLossTimeouts.jobConf(settings));
        return conf;
    }

    /**
     * One JVM option as Spark's option parser reads it back: a class data archive under an install path with a space
     * in it must stay one option.
     */
    static String quoted(String option) {
        if (option.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\')) {
            return option;
        }
        return "\"" + option.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Set<Long> childPids() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    public SparkAppHandle.State state() {
        return handle.getState();
    }

    public String appId() {
        return handle.getAppId();
    }

    /** True when this driver records a class data archive after its first batch (the first run after a build). */
    public boolean recordsClassArchive() {
        return classData.records();
    }

    /** Asks the JVM to record its class data archive now; see {@link ClassDataArchive#recordNow}. */
    public void recordClassArchive() {
        classData.recordNow();
    }

    public Path log() {
        return log;
    }

    public Optional<ProcessHandle> driver() {
        return driver;
    }

    /**
     * Asks the job to stop at the end of its micro-batch and waits up to {@code grace}; after that, and for a
     * driver process still there, it kills. {@code SparkAppHandle.stop()} is not used: it leaves the driver JVM
     * waiting forever in local mode.
     */
    public void stop(Duration grace) {
        try {
            Files.createDirectories(stopFile.getParent());
            Files.writeString(stopFile, "stop\n");
        } catch (IOException e) {
            handle.kill();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (!handle.getState().isFinal() && System.nanoTime() < deadline
                && driver.map(ProcessHandle::isAlive).orElse(true)) {
            Waits.pause(100);
        }
        if (!handle.getState().isFinal()) {
            handle.kill();
        }
        // A driver that reported FINISHED is on its way out: let it exit by itself a moment (a SIGTERM now would
        // turn its clean exit into a failure), then make sure it is gone.
        driver.ifPresent(d -> {
            if (!ChildProcesses.awaitExit(d, EXIT_WAIT)) {
                ChildProcesses.stop(d, Duration.ofSeconds(1));
            }
        });
        try {
            Files.deleteIfExists(stopFile);
        } catch (IOException ignored) {
            // Deleted again before the next launch.
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

}
