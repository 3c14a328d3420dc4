package io.datapilot.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.testing.Logements;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a keystore made by the JDK's keytool, as the README says, with HSTS on every answer. */
@org.junit.jupiter.api.Tag("slow")
class ServeHttpsTest {

    @Test
    void servesHttpsFromAKeystoreWithStrictTransportSecurity(@TempDir Path folder) throws Exception {
        Path keystore = folder.resolve("server.p12");
        String password = "keystore-pass-1";
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "datapilot", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password))
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        Logements.Run run = Logements.run();
        Path users = folder.resolve("users.json");
        try (WebServer server = WebServer.start(new ServerSettings("127.0.0.1", 0, run.warehouse(), run.reports(), TestServer.DATASET, null,
                null, users, keystore, password, ServerSettings.DEFAULT_MAX_BATCH, 0, false, line -> { }))) {
            // trust the test's own certificate, nothing else
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (var in = java.nio.file.Files.newInputStream(keystore)) {
                trusted.load(in, password.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, trust.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/rgpd")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("Décision automatisée (article 22)");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            assertThat(response.sslSession()).isPresent();
        }
    }
}
