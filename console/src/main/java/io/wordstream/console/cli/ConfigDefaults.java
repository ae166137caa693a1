package io.wordstream.console.cli;

import io.wordstream.console.errors.UserError;
import io.wordstream.console.settings.Install;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from outside the command line, weakest first: the option's own default, {@code config/
 * wordstream.properties} of the install, the user's file ({@code $WORDSTREAM_CONFIG}, else
 * {@code ~/.config/wordstream/wordstream.properties}), then environment variables. Flags win over all of them.
 *
 * <p>Each default names the commands it is for. A plain key ({@code master}, or {@code WORDSTREAM_MASTER}) is for
 * the pipeline commands only, whose options share their meaning; a key qualified by a command ({@code
 * worker.cores}) only for that command, and it wins over a plain key of the same source. Options without a value
 * ({@code --reset}, {@code --help}, {@code --version}) never take one from outside.
 */
public final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
    /** The commands plain keys and the environment are for: the ones that run on or beside a pipeline. */
    static final List<String> PIPELINE_COMMANDS = List.of("console", "run", "send", "watch", "report", "gateway");

    /** The environment variables that are no option's default. */
    private static final Set<String> NOT_OPTIONS = Set.of("CONFIG", "NEW_SESSION", "NO_BUILD", "CDS");

    /** The end of a pipeline command's help: where defaults come from, which keys apply, and the switches read. */
    static final String HELP_FOOTER = "%nDefaults of an option --NAME, weakest first: config/wordstream.properties,"
            + " ~/.config/wordstream/wordstream.properties (or the file named by WORDSTREAM_CONFIG), the environment"
            + " as WORDSTREAM_NAME; flags win. A key NAME (WORDSTREAM_BROKER_PORT=9093 sets --broker-port) is for"
            + " console, run, send, watch, report, gateway; a key COMMAND.NAME (run.window=30s) only for that"
            + " command. Options without a value (--reset) take none from outside. WORDSTREAM_CDS=off turns the JVM"
            + " class data archives off.";

    /** Each source of defaults, strongest first: key to value. */
    private final List<Map<String, String>> layers;
    /** Why the settings files could not be read, or null: reported unless only help was asked for. */
    private final String problem;

    /** Defaults from one source: keys as a settings file has them ({@code window}, {@code worker.cores}). */
    ConfigDefaults(Map<String, String> values) {
        this(List.of(values), null);
    }

    private ConfigDefaults(List<Map<String, String>> layers, String problem) {
        this.layers = layers.stream().map(Map::copyOf).toList();
        this.problem = problem;
    }

    /** No defaults from outside: the options' own, as the release's man pages describe them. */
    public static ConfigDefaults none() {
        return new ConfigDefaults(Map.of());
    }

    static ConfigDefaults standard() {
        return from(Install.current().configDir(), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The defaults of an install's config dir, the user's file and {@code environment}; a file that cannot be read
     * is kept as the {@link #problem} to report, so that {@code --help} still works.
     */
    static ConfigDefaults from(Path configDir, Map<String, String> environment, Path userHome) {
        List<Map<String, String>> layers = new ArrayList<>();
        layers.add(fromEnvironment(environment));
        try {
            String userFile = environment.get("WORDSTREAM_CONFIG");
            boolean named = userFile != null && !userFile.isBlank();
            Path user = named ? Path.of(userFile)
                    : userHome.resolve(".config").resolve("wordstream").resolve("wordstream.properties");
            if (named && !Files.exists(user)) {
                throw new UserError("WORDSTREAM_CONFIG names " + user + ", which does not exist");
            }
            layers.add(read(user));
            layers.add(read(configDir.resolve("wordstream.properties")));
        } catch (UserError e) {
            return new ConfigDefaults(List.of(), e.getMessage());
        }
        return new ConfigDefaults(layers, null);
    }

    /** {@code WORDSTREAM_BROKER_PORT=9093} as the plain key {@code broker-port}. */
    private static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> m = new HashMap<>();
        environment.forEach((k, v) -> {
            String name = k.startsWith("WORDSTREAM_") ? k.substring("WORDSTREAM_".length()) : "";
            if (!name.isEmpty() && !NOT_OPTIONS.contains(name)) {
                m.put(name.toLowerCase(Locale.ROOT).replace('_', '-'), v);
            }
        });
        return m;
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> m = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return m;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("cannot read the settings file " + file + ": " + e.getMessage());
        }
        p.stringPropertyNames().forEach(k -> m.put(k.strip(), p.getProperty(k).strip()));
        return m;
    }

    /** Why the settings could not be read, in one line; null when they were. */
    String problem() {
        return problem;
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()
                || option.arity().max() == 0 || option.command() == null) {
            return null;
        }
        String name = option.longestName().replaceFirst("^-+", "");
        String command = commandPath(option.command());
        boolean pipeline = PIPELINE_COMMANDS.contains(command);
        for (Map<String, String> layer : layers) {
            String qualified = layer.get(command + "." + name);
            if (qualified != null) {
                return qualified;
            }
            String plain = pipeline ? layer.get(name) : null;
            if (plain != null) {
                return plain;
            }
        }
        return null;
    }

    /** {@code worker} for 'wordstream worker', {@code certs.create-ca} for a subcommand's subcommand. */
    private static String commandPath(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (CommandSpec s = spec; s.parent() != null; s = s.parent()) {
            names.add(0, s.name());
        }
        return String.join(".", names);
    }

    /**
     * Ends each subcommand's help with the defaults it takes: the pipeline commands say where defaults come from,
     * the others that only keys qualified by their name apply.
     */
    static void describeIn(CommandLine root) {
        root.getSubcommands().forEach((name, sub) -> {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.options().stream().noneMatch(o -> o.arity().max() > 0)) {
                return;
            }
            List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
            footer.remove(HELP_FOOTER);
            footer.add(PIPELINE_COMMANDS.contains(name) ? HELP_FOOTER
                    : "%nDefaults of an option --NAME: a key " + name + ".NAME in config/wordstream.properties or"
                            + " ~/.config/wordstream/wordstream.properties (or the file named by WORDSTREAM_CONFIG);"
                            + " flags win. Plain keys and WORDSTREAM_ variables are not for '" + name + "'.");
            spec.usageMessage().footer(footer.toArray(String[]::new));
        });
    }
}
