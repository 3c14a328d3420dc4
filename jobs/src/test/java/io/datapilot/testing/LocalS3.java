package io.datapilot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local S3-compatible server for the tests (npm's {@code s3rver}, installed in scripts/s3 by
 * scripts/s3/setup), started on first use on 127.0.0.1 and a free port, with one bucket, and stopped
 * when the JVM exits. Its objects live in a temporary folder; what it logs goes to {@code s3rver.log}
 * beside them.
 *
 * <p>It speaks HTTPS, as S3 does, with a certificate made for 127.0.0.1 at start and a trust store
 * holding it: over plain HTTP the AWS SDK signs uploads in aws-chunked encoding, which s3rver would
 * store as sent (chunk headers included); over HTTPS it sends the bytes as they are. s3rver checks the
 * access key id of every request, not its version 4 signature. Its continuation tokens use DES, which
 * Node 20's OpenSSL 3 serves only with its legacy provider.
 */
public final class LocalS3 {
    public static final String BUCKET = "datapilot";
    /** s3rver's fixed development credentials (it checks every request's signature against them). */
    public static final String ACCESS_KEY = "S3RVER";
    public static final String SECRET_KEY = "S3RVER";
    private static final Pattern LISTENING = Pattern.compile("S3rver listening on 127\\.0\\.0\\.1:(\\d+)");

    private static final String TRUST_STORE_PASSWORD = "datapilot-tests";

    private static Process server;
    private static int port;
    private static Path trustStore;

    private LocalS3() {}

    /** {@code https://127.0.0.1:<port>}. */
    public static synchronized String endpoint() {
        if (server == null) {
            start();
        }
        return "https://127.0.0.1:" + port;
    }

    /**
     * The JVM settings that reach this server: the s3a ones as spark-submit's {@code --conf} gives them
     * ({@code spark.hadoop.}-prefixed) and the trust store of its certificate; the credentials are not
     * among them (they come from the environment).
     */
    public static List<String> jvmSettings() {
        List<String> settings = new java.util.ArrayList<>(List.of("spark.hadoop.fs.s3a.endpoint=" + endpoint(),
                "spark.hadoop.fs.s3a.path.style.access=true"));
        settings.addAll(trustStoreSettings());
        return settings;
    }

    /** The JVM settings that make a JVM trust the server's certificate. */
    public static List<String> trustStoreSettings() {
        endpoint();
        return List.of("javax.net.ssl.trustStore=" + trustStore, "javax.net.ssl.trustStorePassword=" + TRUST_STORE_PASSWORD);
    }

    /** This JVM trusts the server's certificate (the JVM's own trust store is replaced: no test reaches another HTTPS server). */
    public static void trustInThisJvm() {
        trustStoreSettings().forEach(setting -> System.setProperty(setting.substring(0, setting.indexOf('=')),
                setting.substring(setting.indexOf('=') + 1)));
    }

    private static void start() {
        Path executable = Paths.root().resolve("scripts/s3/node_modules/.bin/s3rver");
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("The local S3 server is not installed (" + executable + " is missing): run scripts/s3/setup"
                    + " (npm ci in scripts/s3), as .ci/run does.");
        }
        try {
            Path folder = Files.createTempDirectory("datapilot-s3");
            Path data = Files.createDirectories(folder.resolve("data"));
            Path log = folder.resolve("s3rver.log");
            Path key = folder.resolve("key.pem");
            Path certificate = folder.resolve("certificate.pem");
            run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
                    certificate.toString(), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"), log);
            trustStore = trustStore(certificate, folder.resolve("trust.p12"));
            ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-d", data.toString(), "-a", "127.0.0.1", "-p", "0",
                    "--key", key.toString(), "--cert", certificate.toString(), "--configure-bucket", BUCKET)
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("NODE_OPTIONS", "--openssl-legacy-provider");
            Process started = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.destroy();
                try {
                    started.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                io.datapilot.core.fs.LocalFolders.deleteQuietly(folder);
            }));
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                Matcher listening = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (listening.find()) {
                    port = Integer.parseInt(listening.group(1));
                    server = started;
                    return;
                }
                if (!started.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
            started.destroy();
            throw new IllegalStateException("The local S3 server did not start within 60 s: " + Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot start the local S3 server: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    private static Path trustStore(Path certificate, Path file) throws IOException, java.security.GeneralSecurityException {
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (var in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("local-s3", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (var out = Files.newOutputStream(file)) {
            store.store(out, TRUST_STORE_PASSWORD.toCharArray());
        }
        return file;
    }
}
