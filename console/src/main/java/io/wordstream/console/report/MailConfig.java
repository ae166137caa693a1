package io.wordstream.console.report;

import io.wordstream.console.errors.UserError;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * SMTP settings from a properties file passed by path ({@code --mail-config}), so that the password is never on a
 * command line: {@code host}, {@code port}, {@code security} ({@code starttls}, {@code ssl} or {@code none}),
 * {@code user}, {@code password}, {@code from}.
 *
 * @param host     the SMTP server
 * @param port     its port (default 587 with STARTTLS, 465 with SSL, 25 without either)
 * @param security how the connection is protected
 * @param user     the login, empty for a server that takes mail without one
 * @param password the login's password; never printed
 * @param from     the sender address
 * @param warnings what the operator should fix but need not (a file others can read)
 */
public record MailConfig(String host, int port, Security security, Optional<String> user, String password,
                         String from, List<String> warnings) {
    /** How the SMTP connection is protected. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS before the login; refused if the server cannot. */
        STARTTLS,
        /** TLS from the first byte (SMTPS). */
        SSL,
        /** No encryption: only for a server on this machine or a trusted network. */
        NONE
    }

    public MailConfig {
        warnings = List.copyOf(warnings);
    }

    /**
     * Reads {@code file}.
     *
     * @throws UserError naming the file and what is missing or wrong
     */
    public static MailConfig load(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UserError("cannot read the mail settings file " + file + " (" + e.getMessage()
                    + "); check --mail-config");
        } catch (IllegalArgumentException e) {
            throw new UserError("the mail settings file " + file + " is not a properties file (" + e.getMessage()
                    + "); see docs/reports.md for a sample");
        }
        List<String> warnings = new ArrayList<>();
        readableByOthers(file).ifPresent(warnings::add);
        String host = value(p, "host");
        if (host == null) {
            throw new UserError("the mail settings file " + file + " names no SMTP server: add host=smtp.example.org"
                    + " (see docs/reports.md)");
        }
        Security security;
        String s = value(p, "security");
        try {
            security = s == null ? Security.STARTTLS : Security.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("security=" + s + " in " + file + " is not starttls, ssl or none");
        }
        int port;
        String portText = value(p, "port");
        try {
            port = portText == null ? defaultPort(security) : Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new UserError("port=" + portText + " in " + file + " is not a port number (1-65535)");
        }
        Optional<String> user = Optional.ofNullable(value(p, "user"));
        String password = p.getProperty("password", "");
        if (user.isPresent() && password.isEmpty()) {
            throw new UserError("the mail settings file " + file + " names user=" + user.get()
                    + " but no password=");
        }
        String from = value(p, "from");
        if (from == null) {
            from = user.filter(u -> u.contains("@")).orElseThrow(() -> new UserError("the mail settings file " + file
                    + " names no sender: add from=wordstream@example.org"));
        }
        return new MailConfig(host, port, security, user, password, from, warnings);
    }

    private static String value(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static int defaultPort(Security security) {
        return switch (security) {
            case STARTTLS -> 587;
            case SSL -> 465;
            case NONE -> 25;
        };
    }

    /** A warning when users other than the owner may read the file that holds the password. */
    static Optional<String> readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                return Optional.of("warning: " + file + " holds the SMTP password and other users can read it;"
                        + " make it the owner's only: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
        }
        return Optional.empty();
    }

    /** The server as messages name it: {@code smtp.example.org:587 (starttls)}. */
    public String server() {
        return host + ":" + port + " (" + security.name().toLowerCase(Locale.ROOT) + ")";
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "MailConfig[" + server() + ", user=" + user.orElse("(none)") + ", from=" + from + "]";
    }
}
