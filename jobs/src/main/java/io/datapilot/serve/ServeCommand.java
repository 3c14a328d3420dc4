package io.datapilot.serve;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.state.ServeState;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code datapilot serve}: the web application on the warehouse and reports of the configuration,
 * without Spark; or, with {@code --add-user}, adds a user to the users file and prints their API token.
 */
@Command(name = "serve", description = "Serve the dashboard (the report sites), a prediction page per target and the JSON API"
        + " (POST /api/predict/{target}, GET /api/models, /health, /openapi.json, /metrics) with the trained models' local scorers,"
        + " without Spark. With --add-user, add a user (password asked twice, or read from standard input) and print an API token.")
public final class ServeCommand extends DatapilotCommand {
    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default ${DEFAULT-VALUE}; 0 for any free port).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only;"
            + " 0.0.0.0 for every interface, behind a TLS reverse proxy).")
    String host;

    @Option(names = "--users", paramLabel = "FILE", description = "The users file (default ~/.config/datapilot/users.json), outside the repository.")
    Path users;

    @Option(names = "--keystore", paramLabel = "FILE", description = "A PKCS12 keystore: serve HTTPS instead of HTTP.")
    Path keystore;

    @Option(names = "--keystore-password-env", paramLabel = "VAR", defaultValue = "DATAPILOT_KEYSTORE_PASSWORD",
            description = "Environment variable holding the keystore's password (default ${DEFAULT-VALUE}).")
    String keystorePasswordEnv;

    @Option(names = "--max-batch", defaultValue = "100", description = "Most rows in one POST /api/predict (default ${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(names = "--reload-seconds", defaultValue = "10", description = "How often to look for a newly trained model version"
            + " (default ${DEFAULT-VALUE}; 0: only on POST /api/admin/reload).")
    int reloadSeconds;

    @Option(names = "--behind-proxy", description = "A reverse proxy on this machine forwards the requests: take the client's address"
            + " from X-Forwarded-For (login throttling, access log).")
    boolean behindProxy;

    @Option(names = "--access-log", paramLabel = "FILE", description = "Append the access log there (default: the standard error).")
    Path accessLog;

    @Option(names = "--add-user", paramLabel = "NAME", description = "Add (or update) a user instead of serving, and print a new API token.")
    String addUser;

    @Option(names = "--role", defaultValue = "viewer", description = "The role of --add-user: viewer, analyst or admin (default ${DEFAULT-VALUE}).")
    String role;

    @Option(names = "--password-stdin", description = "With --add-user: read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    protected boolean oneShot() {
        return true;
    }

    @Override
    protected int run(RunContext context) {
        Path usersFile = users != null ? users : Users.defaultFile();
        if (addUser != null) {
            return addUser(context, usersFile);
        }
        requireWebLibraries();
        PipelineConfig config = context.config();
        String password = null;
        if (keystore != null) {
            password = System.getenv(keystorePasswordEnv);
            if (password == null) {
                throw new DatapilotException(ErrorKind.USAGE, "Cannot open the keystore " + keystore + ": the environment variable "
                        + keystorePasswordEnv + " holding its password is not set; set it, or name another with --keystore-password-env");
            }
        }
        ServerSettings settings = new ServerSettings(host, port, ServerSettings.localFolder(config.warehouse(), "warehouse"),
                ServerSettings.localFolder(config.reportsDir(), "reports_dir"),
                config.dataset().name(), config.report().title() != null ? config.report().title() : config.project().name(), config.rgpd(),
                usersFile, keystore, password, maxBatch, reloadSeconds, behindProxy, accessLog(context.err()));
        WebServer server = WebServer.start(settings);
        recordSettings(settings, server.port(), context.err());
        Users loaded = Users.load(usersFile);
        context.out().println("datapilot serve: " + (keystore != null ? "https" : "http") + "://" + host + ":" + server.port() + "/ (models of "
                + settings.dataset() + " from " + server.registry().folder() + ", reports from " + settings.reports() + ")");
        context.out().println(loaded.isEmpty() ? "datapilot serve: no user yet in " + usersFile + ": only the public pages are open; add one with"
                + " scripts/datapilot serve --add-user NAME --role analyst" : "datapilot serve: " + loaded.size() + " user(s) in " + usersFile);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "datapilot-serve-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return 0;
    }

    /**
     * The settings of this start-up in {@code <warehouse>/_state/serve.json}, for the risk map of the governance stage
     * (served without HTTPS or not). A warehouse that cannot take it does not stop the server: the risk map then says
     * the settings are not known.
     */
    private void recordSettings(ServerSettings settings, int boundPort, PrintStream err) {
        try {
            new ServeState(keystore != null, host, boundPort, behindProxy, java.time.Instant.now()).write(settings.warehouse());
        } catch (java.io.UncheckedIOException e) {
            err.println("datapilot serve: " + e.getMessage() + " (the risk map will say the server's settings are not known)");
        }
    }

    /** The spark-submit jar leaves the web server's libraries out: the application never needs a cluster. */
    private static void requireWebLibraries() {
        try {
            Class.forName("io.javalin.Javalin", false, ServeCommand.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new DatapilotException(ErrorKind.USAGE, "Cannot start the web application from this jar: its libraries (Javalin, Jetty) are"
                    + " not in the spark-submit jar, and it needs no Spark; start it with scripts/datapilot serve on the machine that serves it");
        }
    }

    private int addUser(RunContext context, Path usersFile) {
        Role parsed;
        try {
            parsed = Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw new DatapilotException(ErrorKind.USAGE, e.getMessage() + " (option --role)");
        }
        char[] password = password(context.err());
        String token = Users.addUser(usersFile, addUser, parsed, password);
        java.util.Arrays.fill(password, '\0');
        context.out().println("datapilot serve: user " + addUser + " (" + parsed.key() + ") saved in " + usersFile);
        context.out().println("API token (shown once; send it as Authorization: Bearer <token>): " + token);
        return 0;
    }

    private char[] password(PrintStream err) {
        Console console = System.console();
        if (passwordStdin || console == null) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new DatapilotException(ErrorKind.USAGE, "Cannot read the password: standard input is empty; pipe it in with"
                            + " --password-stdin, or run the command in a terminal");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new DatapilotException(ErrorKind.USAGE, "Cannot read the password from standard input: " + e.getMessage(), e);
            }
        }
        char[] first = console.readPassword("Password for %s (12 characters at least): ", addUser);
        char[] second = console.readPassword("Same password again: ");
        if (first == null || second == null || !java.util.Arrays.equals(first, second)) {
            throw new DatapilotException(ErrorKind.USAGE, "The two passwords differ: run the command again");
        }
        return first;
    }

    private Consumer<String> accessLog(PrintStream err) {
        if (accessLog == null) {
            return err::println;
        }
        return line -> {
            synchronized (this) {
                try {
                    Files.writeString(accessLog, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    err.println("datapilot serve: cannot write the access log " + accessLog + ": " + e.getMessage());
                }
            }
        };
    }
}
