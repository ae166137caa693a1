package io.wordstream.broker;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the embedded broker's client listener authenticates, taken from the same Kafka client properties file that
 * the console and the job use, so one file secures the whole pipeline. The broker accepts the file's own user: it
 * serves one operator. Only SASL_PLAINTEXT with PLAIN is supported here (SSL needs key stores, SCRAM a credential
 * store); anything else is refused with what to do instead.
 */
record ClientSecurity(String username, String password) {
    private static final Pattern USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern PASSWORD = Pattern.compile("password\\s*=\\s*\"([^\"]*)\"");
    // The broker's JAAS option user_<name> must be a plain option name.
    private static final Pattern VALID_USER = Pattern.compile("[A-Za-z0-9._$-]+");

    /** Empty when the file asks for no security (plain connections). */
    static Optional<ClientSecurity> from(Path clientProperties) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(clientProperties)) {
            p.load(in);
        }
        // Kafka reads both settings case-insensitively.
        String protocol = p.getProperty("security.protocol", "PLAINTEXT").trim().toUpperCase(Locale.ROOT);
        if (protocol.equals("PLAINTEXT")) {
            return Optional.empty();
        }
        String mechanism = p.getProperty("sasl.mechanism", "GSSAPI").trim().toUpperCase(Locale.ROOT);
        if (!protocol.equals("SASL_PLAINTEXT") || !mechanism.equals("PLAIN")) {
            throw new IllegalArgumentException("the embedded broker supports security.protocol=SASL_PLAINTEXT with"
                    + " sasl.mechanism=PLAIN, not " + protocol + (protocol.startsWith("SASL") ? " with " + mechanism
                    : "") + "; use --bootstrap-server with a Kafka configured for it");
        }
        String jaas = p.getProperty("sasl.jaas.config", "");
        Matcher user = USERNAME.matcher(jaas);
        Matcher password = PASSWORD.matcher(jaas);
        if (!jaas.contains("PlainLoginModule") || !user.find() || !password.find()) {
            throw new IllegalArgumentException("sasl.jaas.config in " + clientProperties + " must be"
                    + " org.apache.kafka.common.security.plain.PlainLoginModule required username=\"...\""
                    + " password=\"...\";");
        }
        if (!VALID_USER.matcher(user.group(1)).matches() || password.group(1).contains("\\")) {
            throw new IllegalArgumentException("the embedded broker takes a SASL/PLAIN username of letters, digits,"
                    + " '.', '_', '-' and '$', and a password without backslashes; change them in "
                    + clientProperties);
        }
        return Optional.of(new ClientSecurity(user.group(1), password.group(1)));
    }

    /** Broker settings for a SASL_PLAINTEXT client listener that accepts this user, itself included. */
    void configure(Properties broker, String host, int port) {
        broker.put("listeners", "SASL_PLAINTEXT://" + host + ":" + port + "," + broker.getProperty("listeners")
                .substring(broker.getProperty("listeners").indexOf(",") + 1));
        broker.put("advertised.listeners", "SASL_PLAINTEXT://" + host + ":" + port);
        broker.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        broker.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        broker.put("sasl.enabled.mechanisms", "PLAIN");
        broker.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        broker.put("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + username
                        + "\" password=\"" + password + "\" user_" + username + "=\"" + password + "\";");
    }

    @Override
    public String toString() {
        return "ClientSecurity[SASL_PLAINTEXT/PLAIN user " + username + "]";
    }
}
