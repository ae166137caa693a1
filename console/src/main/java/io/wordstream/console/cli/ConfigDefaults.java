package io.wordstream.console.cli;

import io.wordstream.console.errors.UserError;
import io.wordstream.console.settings.Install;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Option defaults from outside the command line, weakest first: the option's own default, {@code config/
 * wordstream.properties} of the install, the user's file ({@code $WORDSTREAM_CONFIG}, else
 * {@code ~/.config/wordstream/wordstream.properties}), then environment variables ({@code --broker-port} reads
 * {@code WORDSTREAM_BROKER_PORT}). Flags win over all of them.
 */
public final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
    /** The end of each command's help: where defaults come from, and the environment variables read. */
    static final String HELP_FOOTER = "%nDefaults of any option: config/wordstream.properties, then"
            + " ~/.config/wordstream/wordstream.properties (or the file named by WORDSTREAM_CONFIG), then the"
            + " environment as WORDSTREAM_<OPTION> (WORDSTREAM_BROKER_PORT=9093 sets --broker-port,"
            + " WORDSTREAM_DATA_DIR sets --data-dir); flags win. WORDSTREAM_CDS=off turns the JVM class data"
            + " archives off.";

    private final Map<String, String> values;

    ConfigDefaults(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    static ConfigDefaults standard() {
        Map<String, String> values = new HashMap<>();
        values.putAll(read(Install.current().configDir().resolve("wordstream.properties")));
        String userFile = System.getenv("WORDSTREAM_CONFIG");
        Path user = userFile != null && !userFile.isBlank()
                ? Path.of(userFile)
                : Path.of(System.getProperty("user.home"), ".config", "wordstream", "wordstream.properties");
        if (userFile != null && !userFile.isBlank() && !Files.exists(user)) {
            throw new UserError("WORDSTREAM_CONFIG names " + user + ", which does not exist");
        }
        values.putAll(read(user));
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("WORDSTREAM_") && !k.equals("WORDSTREAM_CONFIG") && !k.equals("WORDSTREAM_NEW_SESSION")) {
                values.put(k.substring("WORDSTREAM_".length()).toLowerCase(Locale.ROOT).replace('_', '-'), v);
            }
        });
        return new ConfigDefaults(values);
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> m = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return m;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UserError("cannot read the settings file " + file + ": " + e.getMessage());
        }
        p.stringPropertyNames().forEach(k -> m.put(k.strip(), p.getProperty(k).strip()));
        return m;
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec arg) {
        if (!arg.isOption()) {
            return null;
        }
        String key = ((CommandLine.Model.OptionSpec) arg).longestName().replaceFirst("^-+", "");
        return values.get(key);
    }
}
