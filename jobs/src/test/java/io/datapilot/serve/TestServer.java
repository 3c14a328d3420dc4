package io.datapilot.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.testing.Logements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real datapilot web server on a free port over the models and reports of the flats data set's
 * shared pipeline run, with one user per role, and an HTTP client that keeps its own cookies (Java's
 * cookie manager would not send the {@code Secure} session cookie over plain HTTP, which browsers do
 * for localhost).
 */
final class TestServer implements AutoCloseable {
    static final String PASSWORD = "a long pass phrase";
    static final String DATASET = "ventes_logements";

    private static TestServer shared;

    final WebServer server;
    final Path users;
    final Map<Role, String> tokens;
    final List<String> accessLog = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private TestServer(Path warehouse, Path reports, int reloadSeconds) {
        try {
            users = Files.createTempFile("datapilot-users", ".json");
            Files.delete(users);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tokens = Map.of(Role.VIEWER, Users.addUser(users, "lea.viewer", Role.VIEWER, PASSWORD.toCharArray()),
                Role.ANALYST, Users.addUser(users, "ali.analyst", Role.ANALYST, PASSWORD.toCharArray()),
                Role.ADMIN, Users.addUser(users, "ada.admin", Role.ADMIN, PASSWORD.toCharArray()));
        server = WebServer.start(new ServerSettings("127.0.0.1", 0, warehouse, reports, DATASET, "Ventes de logements", null, users, null, null,
                ServerSettings.DEFAULT_MAX_BATCH, reloadSeconds, false, accessLog::add));
    }

    /** The server of the tests that only read: started once per test JVM, models loaded. */
    static synchronized TestServer shared() {
        if (shared == null) {
            Logements.Run run = Logements.run();
            shared = new TestServer(run.warehouse(), run.reports(), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
            shared.awaitReady();
        }
        return shared;
    }

    /** A server of its own, for a test that changes its state (models, login throttle). */
    static TestServer own(Path warehouse, Path reports) {
        return new TestServer(warehouse, reports, 0);
    }

    void awaitReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (get("/health", null).statusCode() == 200) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("the server did not become ready: " + get("/health", null).body());
    }

    /** Waits for the first look at the model folders, whatever it found. */
    void awaitLoaded() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!server.registry().snapshot().loaded() && System.nanoTime() < deadline) {
            sleep(50);
        }
    }

    String base() {
        return "http://localhost:" + server.port();
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    HttpResponse<String> postJson(String path, String token, String body) {
        return send(request(path, token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A browser-like visitor: its cookies, sent back on every request. */
    Browser browser() {
        return new Browser();
    }

    final class Browser {
        final Map<String, String> cookies = new ConcurrentHashMap<>();

        HttpResponse<String> get(String path) {
            return keep(send(withCookies(request(path, null)).GET().build()));
        }

        HttpResponse<String> postForm(String path, Map<String, String> form) {
            StringBuilder body = new StringBuilder();
            form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(value)));
            return keep(send(withCookies(request(path, null)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build()));
        }

        /** Logs in through the form, as a browser does: the login page's CSRF token, then the POST. */
        HttpResponse<String> login(String user, String password) {
            String csrf = csrf(get("/connexion").body());
            return postForm("/connexion", Map.of("csrf", csrf, "nom", user, "mot_de_passe", password, "suite", "/"));
        }

        private HttpRequest.Builder withCookies(HttpRequest.Builder builder) {
            if (!cookies.isEmpty()) {
                StringBuilder header = new StringBuilder();
                cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
                builder.header("Cookie", header.toString());
            }
            return builder;
        }

        private HttpResponse<String> keep(HttpResponse<String> response) {
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String pair = cookie.substring(0, cookie.indexOf(';'));
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || cookie.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }
    }

    /** The CSRF token of the first form of a page. */
    static String csrf(String html) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a CSRF field in %s", html.length() > 300 ? html.substring(0, 300) : html).isTrue();
        return matcher.group(1);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.close();
        try {
            Files.deleteIfExists(users);
        } catch (IOException e) {
            // a temporary file
        }
    }
}
