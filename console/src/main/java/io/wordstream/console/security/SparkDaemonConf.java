package io.wordstream.console.security;

import io.wordstream.console.errors.UserError;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How a Spark standalone daemon (master or worker) runs under a {@link ClusterSecurity}: its owner-only properties
 * file ({@code --properties-file}) with the secret, and where its web UI listens. Secured, the UI listens on
 * 127.0.0.1 only, unless the operator asks for it on the daemon's address: then only over TLS with the node
 * certificate, to clients holding a certificate of the cluster's CA, from a key store made at start.
 */
public final class SparkDaemonConf {
    private static final String PROPERTIES = "spark-daemon.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<ClusterCredentials> credentials;
    private final String uiHost;
    private final int uiPort;
    private final boolean uiTls;
    private final Path confDir;

    private SparkDaemonConf(Optional<ClusterCredentials> credentials, String uiHost, int uiPort, boolean uiTls,
                            Path confDir) {
        this.credentials = credentials;
        this.uiHost = uiHost;
        this.uiPort = uiPort;
        this.uiTls = uiTls;
        this.confDir = confDir;
    }

    /**
     * How a daemon runs under {@code security}; its files are written by {@link #write}.
     *
     * @param host    the address the daemon's RPC binds to
     * @param uiPort  the port its web UI is to be reached on
     * @param tlsUi   whether the operator asked for the UI on {@code host}, over TLS
     * @param confDir where its settings and key stores go, owner-only
     */
    public static SparkDaemonConf of(ClusterSecurity security, String host, int uiPort, boolean tlsUi,
                                     Path confDir) {
        if (!security.secured()) {
            if (tlsUi) {
                throw new UserError("--tls-ui serves the web UI with this host's node certificate: give --certs-dir");
            }
            return new SparkDaemonConf(Optional.empty(), host, uiPort, false, confDir);
        }
        return new SparkDaemonConf(security.credentials(), tlsUi ? host : "127.0.0.1", uiPort, tlsUi, confDir);
    }

    /**
     * Writes the daemon's properties (and, for a TLS UI, its key stores), all owner-only, and returns the arguments
     * of its main class that name them; none when it is not secured. Called as it starts, with its data dir locked.
     */
    public List<String> write() {
        if (credentials.isEmpty()) {
            return List.of();
        }
        ClusterCredentials c = credentials.get();
        Map<String, String> conf = new LinkedHashMap<>(SparkSecurity.common(c));
        if (uiTls) {
            conf.putAll(tlsUi(c, uiPort, confDir));
        }
        Path file = confDir.resolve(PROPERTIES);
        writeProperties(file, conf, "Spark daemon settings written by wordstream at every start; they hold the"
                + " cluster secret");
        return List.of("--properties-file", file.toString());
    }

    /** The UI's web port argument: with TLS it serves on {@code uiPort}, and the plain port only redirects. */
    public int httpPort(int uiPort) {
        return uiTls ? 0 : uiPort;
    }

    /** Where the daemon's web UI binds ({@code SPARK_LOCAL_IP}, which decides nothing else for a daemon). */
    public String uiHost() {
        return uiHost;
    }

    public boolean uiTls() {
        return uiTls;
    }

    /** The daemon's JSON status page. */
    public URI statusPage(int uiPort) {
        return URI.create((uiTls ? "https://" : "http://") + uiHost + ":" + uiPort + "/json/");
    }

    /** A client that can read that page: over TLS with this host's certificate when the UI asks for one. */
    public HttpClient httpClient() {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        if (uiTls) {
            b.sslContext(TlsContexts.client(credentials.orElseThrow()));
        }
        return b.build();
    }

    /** Spark's UI TLS settings ({@code spark.ssl.standalone.*}), with key stores written beside the properties. */
    private static Map<String, String> tlsUi(ClusterCredentials c, int uiPort, Path confDir) {
        if (c.node().isEmpty()) {
            throw new IllegalStateException("a TLS web UI needs the node identity of " + c.dir());
        }
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        Path keyStore = confDir.resolve("ui-keystore.p12");
        Path trustStore = confDir.resolve("ui-truststore.p12");
        try {
            store(TlsContexts.keyStore(c.node().get(), password.toCharArray()), keyStore, password);
            store(TlsContexts.trustStore(c), trustStore, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the web UI's key stores", e);
        }
        String ns = "spark.ssl.standalone.";
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put(ns + "enabled", "true");
        conf.put(ns + "port", Integer.toString(uiPort));
        conf.put(ns + "keyStore", keyStore.toString());
        conf.put(ns + "keyStoreType", "PKCS12");
        conf.put(ns + "keyStorePassword", password);
        conf.put(ns + "keyPassword", password);
        conf.put(ns + "needClientAuth", "true");
        conf.put(ns + "trustStore", trustStore.toString());
        conf.put(ns + "trustStoreType", "PKCS12");
        conf.put(ns + "trustStorePassword", password);
        return conf;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void store(KeyStore ks, Path file, String password) throws GeneralSecurityException {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(CertFiles.OWNER_ONLY));
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
                ks.store(out, password.toCharArray());
            }
        } catch (IOException e) {
            throw new UserError("cannot write " + file + " (" + e.getMessage() + "); check the data dir");
        }
    }

    /** Writes Spark settings to an owner-only properties file, replacing the last start's. */
    public static void writeProperties(Path file, Map<String, String> conf, String comment) {
        Properties p = new Properties();
        p.putAll(conf);
        StringWriter text = new StringWriter();
        try {
            p.store(text, comment);
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UserError("cannot write " + file + " (" + e.getMessage() + "); check the data dir");
        }
        CertFiles.writeSecret(file, text.toString(), true);
    }

    @Override
    public String toString() {
        return "SparkDaemonConf[" + (credentials.isPresent() ? "secured" : "plain") + ", UI "
                + (uiTls ? "https://" : "http://") + uiHost + ":" + uiPort + "]";
    }
}
