package io.wordstream.console.report;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.wordstream.console.launch.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A real SMTP server (GreenMail) on a free loopback port with one user, and mail settings files that point at it. */
public final class SmtpServer implements AutoCloseable {
    public static final String USER = "reporter";
    public static final String PASSWORD = "s3cret-pw";
    public static final String FROM = "wordstream@example.org";

    public final GreenMail mail;
    public final int port;

    public SmtpServer() {
        this(Ports.freePort("127.0.0.1"));
    }

    /** A server on {@code port}, which may be one a test first found closed. */
    public SmtpServer(int port) {
        this.port = port;
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        mail.setUser(FROM, USER, PASSWORD);
    }

    /** A settings file for this server, owner-only, with the given password. */
    public Path config(Path dir, String password) {
        return configFile(dir, "host=127.0.0.1\nport=" + port + "\nsecurity=none\nuser=" + USER + "\npassword="
                + password + "\nfrom=" + FROM + "\n");
    }

    public static Path configFile(Path dir, String text) {
        try {
            Path file = Files.createTempFile(dir, "mail", ".properties",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer w = Files.newBufferedWriter(file)) {
                w.write(text);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        mail.stop();
    }
}
