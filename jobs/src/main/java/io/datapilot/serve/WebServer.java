package io.datapilot.serve;

import io.datapilot.core.text.Html;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The web application: the dashboard (the report sites), a prediction page per target, the JSON
 * API, the model cards and the RGPD notice, behind {@link Guard}. No Spark: the models are served
 * by their local scorers, loaded by {@link ModelRegistry} and swapped in when a new version appears.
 *
 * <pre>{@code
 * WebServer server = WebServer.start(settings);
 * server.port();   // the port it listens on
 * server.close();
 * }</pre>
 */
public final class WebServer implements AutoCloseable {
    private static final Map<String, String> STATIC = Map.of("style.css", "text/css; charset=utf-8", "app.css", "text/css; charset=utf-8",
            "predire.js", "text/javascript; charset=utf-8");

    private final ServerSettings settings;
    private final ModelRegistry registry;
    private final AtomicReference<Users> users = new AtomicReference<>();
    private final AtomicReference<FileTime> usersModified = new AtomicReference<>();
    private final Guard guard;
    private final LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());
    private final RequestMetrics metrics = new RequestMetrics();
    private final ReportFiles reports;
    private final Api api;
    private final Map<String, byte[]> staticFiles = new HashMap<>();
    private final ScheduledExecutorService watcher;
    private Javalin app;

    private WebServer(ServerSettings settings) {
        this.settings = settings;
        this.registry = new ModelRegistry(settings.warehouse(), settings.dataset());
        this.reports = new ReportFiles(settings.reports());
        this.api = new Api(registry, metrics, settings.maxBatch());
        this.guard = new Guard(new Sessions(Clock.systemUTC()), users::get, settings.keystore() != null);
        reloadUsers();
        STATIC.keySet().forEach(name -> staticFiles.put(name, resource(name)));
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "datapilot-model-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the server, then loads the models (GET /health says 503 until they are). */
    public static WebServer start(ServerSettings settings) {
        WebServer server = new WebServer(settings);
        server.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = ServerSettings.MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            if (settings.keystore() != null) {
                config.jetty.addConnector((jetty, http) -> server.https(jetty, http));
            }
            config.requestLogger.http(server::logged);
            server.routes(config.routes);
        }).start();
        server.watcher.execute(server::reloadQuietly);
        if (settings.reloadSeconds() > 0) {
            server.watcher.scheduleWithFixedDelay(server::reloadQuietly, settings.reloadSeconds(), settings.reloadSeconds(), TimeUnit.SECONDS);
        }
        return server;
    }

    public int port() {
        return app.port();
    }

    public ModelRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        app.stop();
    }

    private void routes(io.javalin.config.RoutesConfig routes) {
        routes.before(guard::identify);
        routes.beforeMatched(guard::authorise);
        routes.get("/", ctx -> page(ctx, "/", "Tableau de bord", Pages.home(reports.runDates(), registry.snapshot(), Guard.viewer(ctx)), false));
        routes.get("/connexion", ctx -> page(ctx, "/connexion", "Connexion", Pages.login(loginCsrf(ctx), next(ctx.queryParam("suite")), null), false));
        routes.post("/connexion", this::login);
        routes.post("/deconnexion", this::logout, Role.VIEWER);
        routes.get("/rgpd", ctx -> page(ctx, "/rgpd", "Notice RGPD", Pages.rgpd(settings.rgpd(), registry.snapshot(), settings.title()), false));
        routes.get("/static/{file}", this::staticFile);
        // browsers ask for it on every site: an empty answer rather than a 404 in their console
        routes.get("/favicon.ico", ctx -> ctx.status(204));
        routes.get("/rapport/{date}/<file>", this::reportFile);
        routes.get("/modeles/{target}", ctx -> {
            ServedModel model = api.model(ctx.pathParam("target"));
            page(ctx, "/modeles/" + model.target(), "Fiche du modèle : " + model.targetLabel(), Pages.card(model), false);
        }, Role.VIEWER);
        routes.get("/predire/{target}", ctx -> predictPage(ctx, false), Role.ANALYST);
        routes.post("/predire/{target}", ctx -> predictPage(ctx, true), Role.ANALYST);
        routes.get("/api/models", api::models, Role.VIEWER);
        routes.get("/api/models/{target}", api::model, Role.VIEWER);
        routes.post("/api/predict/{target}", api::predict, Role.ANALYST);
        routes.post("/api/admin/reload", ctx -> api.reloaded(ctx, reload()), Role.ADMIN);
        routes.get("/health", api::health);
        routes.get("/openapi.json", ctx -> Api.json(ctx, 200, OpenApi.document(registry.snapshot(), settings.title(), version(), settings.maxBatch())));
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.text()), Role.ADMIN);
        routes.exception(Refusal.class, (refusal, ctx) -> refuse(ctx, refusal));
        routes.exception(Guard.Redirect.class, (redirect, ctx) -> ctx.status(302).header("Location", redirect.location));
        routes.exception(HttpResponseException.class, (e, ctx) -> refuse(ctx, new Refusal(e.getStatus(), "http_" + e.getStatus(),
                switch (e.getStatus()) {
                    case 413 -> "Corps de requête trop grand : au plus " + ServerSettings.MAX_BODY_BYTES / 1024 + " Kio ; découpez la liste";
                    case 404 -> "Cette adresse n'existe pas : voir /openapi.json pour l'API, / pour le tableau de bord";
                    case 405 -> "Méthode " + ctx.method() + " non permise sur " + ctx.path() + " : voir /openapi.json";
                    default -> e.getMessage();
                })));
        routes.exception(Exception.class, (e, ctx) -> {
            // the message goes to the server's log, never to the client: it may quote an input
            System.err.println("datapilot serve: internal error on " + ctx.method() + " " + endpoint(ctx) + ": " + e);
            refuse(ctx, new Refusal(500, "internal_error", "Erreur interne du serveur ; elle est consignée dans son journal"));
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                refuse(ctx, new Refusal(404, "not_found", "Cette adresse n'existe pas : voir /openapi.json pour l'API, / pour le tableau de bord"));
            }
        });
        routes.error(405, ctx -> refuse(ctx, new Refusal(405, "method_not_allowed", "Méthode " + ctx.method() + " non permise sur " + ctx.path())));
    }

    private void predictPage(Context ctx, boolean submitted) {
        ServedModel model = api.model(ctx.pathParam("target"));
        Map<String, String> typed = new HashMap<>();
        List<FieldError> errors = List.of();
        Explained result = null;
        if (submitted) {
            model.fields().forEach(field -> {
                String value = ctx.formParam(field.column());
                if (value != null) {
                    typed.put(field.column(), value);
                }
            });
            InputValidation.Result validated = InputValidation.form(model, typed);
            errors = validated.errors();
            if (validated.valid()) {
                result = Explained.of(model, validated.row());
                metrics.predictions(model.target(), model.version(), 1);
            } else {
                ctx.status(400);
            }
        }
        Layout.Viewer viewer = Guard.viewer(ctx);
        page(ctx, "/predire/" + model.target(), "Prédire " + model.targetLabel(),
                PredictPage.main(model, viewer.csrf(), typed, errors, result), true);
    }

    private void login(Context ctx) {
        String name = ctx.formParam("nom");
        String next = next(ctx.formParam("suite"));
        String address = network(client(ctx));
        Duration wait = throttle.wait(name, address);
        if (!wait.isZero()) {
            ctx.status(429).header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
            page(ctx, "/connexion", "Connexion", Pages.login(loginCsrf(ctx), next, "Trop d'essais manqués : réessayez dans "
                    + Math.max(1, wait.toSeconds()) + " secondes."), false);
            return;
        }
        Users.User user = users.get().authenticate(name, ctx.formParam("mot_de_passe"));
        if (user == null) {
            throttle.failed(name, address);
            ctx.status(401);
            page(ctx, "/connexion", "Connexion", Pages.login(loginCsrf(ctx), next, "Nom d'utilisateur ou mot de passe incorrect."), false);
            return;
        }
        throttle.succeeded(name);
        Sessions.Session previous = Guard.session(ctx);
        if (previous != null) {
            guard.sessions().end(previous.id());
        }
        Sessions.Session session = guard.sessions().start(user);
        ctx.res().addHeader("Set-Cookie", guard.cookie(Guard.SESSION_COOKIE, session.id(), Sessions.ABSOLUTE.toSeconds()));
        ctx.status(303).header("Location", next);
    }

    private void logout(Context ctx) {
        Sessions.Session session = Guard.session(ctx);
        if (session != null) {
            guard.sessions().end(session.id());
        }
        ctx.res().addHeader("Set-Cookie", guard.cookie(Guard.SESSION_COOKIE, "", 0));
        ctx.status(303).header("Location", "/");
    }

    private void staticFile(Context ctx) {
        String name = ctx.pathParam("file");
        byte[] content = staticFiles.get(name);
        if (content == null) {
            throw new Refusal(404, "not_found", "Fichier statique inconnu : " + InputValidation.shortened(name));
        }
        ctx.header("Cache-Control", "public, max-age=3600").contentType(STATIC.get(name)).result(content);
    }

    private void reportFile(Context ctx) throws IOException {
        ReportFiles.File file = reports.file(ctx.pathParam("date"), ctx.pathParam("file"));
        if (file == null) {
            throw new Refusal(404, "not_found", "Aucun fichier de rapport à cette adresse ; les rapports sont listés sur le tableau de bord");
        }
        guard.require(ctx, file.needs());
        if (file.type().startsWith("image/svg")) {
            // a chart's own styles are attributes: allowed in it alone, with no script at all
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        }
        ctx.header("Cache-Control", file.needs() == Role.PUBLIC ? "no-cache" : "private, no-store");
        ctx.contentType(file.type()).result(file.content());
    }

    private void page(Context ctx, String path, String title, String main, boolean script) {
        Map<String, String> targets = new java.util.LinkedHashMap<>();
        registry.snapshot().models().values().forEach(model -> targets.put(model.target(), model.targetLabel()));
        Layout layout = new Layout(settings.title(), targets);
        ctx.header("Cache-Control", "no-store").html(layout.page(path, title, Guard.viewer(ctx), main, script));
    }

    private void refuse(Context ctx, Refusal refusal) {
        ctx.status(refusal.status());
        boolean json = ctx.path().startsWith("/api/") || ctx.path().equals("/health") || ctx.path().equals("/metrics")
                || ctx.path().equals("/openapi.json") || (ctx.header("Accept") != null && ctx.header("Accept").contains("application/json"));
        if (json) {
            Api.json(ctx, refusal.status(), Api.error(refusal));
        } else {
            StringBuilder main = new StringBuilder(Pages.error(refusal.getMessage()));
            refusal.fields().forEach(field -> main.append("<p>").append(Html.escape(field.field() + " : " + field.message())).append("</p>\n"));
            page(ctx, ctx.path(), "Erreur " + refusal.status(), main.toString(), false);
            ctx.status(refusal.status());
        }
    }

    /** One line per request: no query string, no body, no user name, the address cut to its network. */
    private void logged(Context ctx, Float milliseconds) {
        String endpoint = endpoint(ctx);
        metrics.request(ctx.method().name(), endpoint, ctx.statusCode(), milliseconds / 1000.0);
        settings.accessLog().accept(Instant.now() + " " + network(client(ctx)) + " " + ctx.method() + " " + endpoint + " " + ctx.statusCode()
                + " " + String.format(java.util.Locale.ROOT, "%.2f", milliseconds) + " ms " + Guard.viewer(ctx).role().key());
    }

    /** The route that answered (its pattern, such as /api/predict/{target}), or "unmatched". */
    private static String endpoint(Context ctx) {
        try {
            io.javalin.router.Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    private String loginCsrf(Context ctx) {
        Sessions.Session session = Guard.session(ctx);
        return session != null ? session.csrf() : guard.loginCsrf(ctx);
    }

    /** Where to go after logging in: a path of this site only (no open redirect). */
    private static String next(String requested) {
        if (requested == null || !requested.startsWith("/") || requested.startsWith("//") || requested.contains("\\")) {
            return "/";
        }
        try {
            URI uri = new URI(requested);
            return uri.getHost() == null && uri.getScheme() == null ? requested : "/";
        } catch (java.net.URISyntaxException e) {
            return "/";
        }
    }

    /** The client's address: the proxy's last hop when the server is behind one. */
    private String client(Context ctx) {
        String forwarded = settings.behindProxy() ? ctx.header("X-Forwarded-For") : null;
        if (forwarded == null || forwarded.isBlank()) {
            return ctx.ip();
        }
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].strip();
    }

    /** An IPv4 address cut to its /24, an IPv6 one to its /48: enough to see a pattern, not to name a person. */
    static String network(String address) {
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress() + (bytes.length == 4 ? "/24" : "/48");
        } catch (IOException e) {
            return "?";
        }
    }

    /** The watch's reload: a failure is logged, and the next look tries again. */
    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            settings.accessLog().accept(Instant.now() + " cannot reload the models: " + e.getMessage());
        }
    }

    /** Reads the model folders and the users file again (watch and admin endpoint alike), logs what changed; returns its targets. */
    private List<String> reload() {
        List<String> changed = registry.reload();
        if (!changed.isEmpty()) {
            settings.accessLog().accept(Instant.now() + " models loaded: " + String.join(", ", changed.stream()
                    .map(target -> target + " " + registry.snapshot().models().get(target).version()).toList()));
        }
        registry.snapshot().failures().values().forEach(message -> settings.accessLog().accept(Instant.now() + " " + message));
        reloadUsers();
        return changed;
    }

    private void reloadUsers() {
        FileTime modified = null;
        try {
            modified = Files.exists(settings.users()) ? Files.getLastModifiedTime(settings.users()) : null;
        } catch (IOException e) {
            // read below, which reports the problem
        }
        if (users.get() == null || !java.util.Objects.equals(modified, usersModified.get())) {
            users.set(Users.load(settings.users()));
            usersModified.set(modified);
        }
    }

    private ServerConnector https(org.eclipse.jetty.server.Server jetty, HttpConfiguration http) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(settings.keystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(settings.keystorePassword());
        HttpConfiguration secure = new HttpConfiguration(http);
        secure.addCustomizer(new SecureRequestCustomizer());
        ServerConnector connector = new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(secure));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        return connector;
    }

    private static String version() {
        String version = WebServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static byte[] resource(String name) {
        String path = name.equals("style.css") ? "/io/datapilot/report/style.css" : "/io/datapilot/serve/" + name;
        try (InputStream in = WebServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + path + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
