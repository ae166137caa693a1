package io.wordstream.console.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real openssl command, as an operator would check a certs dir with it, or make a CA of another cluster. */
public final class Openssl {
    private Openssl() {
    }

    /** What {@code openssl ARGS...} printed (both streams); fails on a non-zero exit. */
    public static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /**
     * Another cluster's CA made by openssl in {@code dir} ({@code ca.crt}, {@code ca.key}), and a node certificate
     * it signed for {@code address} ({@code node.crt}, {@code node.key}, PKCS#8 as wordstream reads them).
     */
    public static void foreignCluster(Path dir, String address) throws IOException, InterruptedException {
        String d = dir.toString();
        run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/ca.key", "-out", d + "/ca.crt",
                "-days", "30", "-subj", "/O=elsewhere/CN=another CA", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign");
        run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/node.key", "-out", d + "/node.csr", "-subj",
                "/O=elsewhere/CN=node");
        Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=IP:" + address
                + "\nextendedKeyUsage=serverAuth,clientAuth\n");
        run("x509", "-req", "-in", d + "/node.csr", "-CA", d + "/ca.crt", "-CAkey", d + "/ca.key",
                "-CAcreateserial", "-out", d + "/node.crt", "-days", "30", "-extfile", d + "/ext.cnf");
    }
}
