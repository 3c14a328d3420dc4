package io.datapilot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.fs.LocalFolders;
import io.datapilot.core.text.Numbers;
import io.datapilot.serve.Field;
import io.datapilot.serve.Role;
import io.datapilot.serve.ServedModel;
import io.datapilot.serve.ServerSettings;
import io.datapilot.serve.Users;
import io.datapilot.serve.WebServer;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /api/predict/{target}} under HTTP load: the web server of {@code datapilot serve} in this
 * JVM on loopback, driven by wrk (the original one: no fixed-rate mode, so its {@code delay()} hook
 * spaces each connection's requests) at about 500 requests/s, then at saturation, against the
 * saturation throughput of {@code GET /health} measured in the same run.
 */
final class ServeLoadBenchmark {
    static final double GOAL_RATE = 500;
    static final double GOAL_P99_MILLIS = 10;
    static final int THREADS = 2;
    static final int FIXED_RATE_CONNECTIONS = 10;
    static final int SATURATION_CONNECTIONS = 32;
    static final String TIMEOUT = "2s";
    /** Aim a little above the goal's rate so that the achieved rate, which counts, is at least that. */
    private static final double OFFERED_RATE = GOAL_RATE * 1.03;
    /** Most short runs that correct the fixed rate's delay. */
    private static final int CALIBRATIONS = 3;
    private static final Pattern RESULT = Pattern.compile("datapilot-wrk requests=(\\d+) duration_us=(\\d+) connect=(\\d+) read=(\\d+)"
            + " write=(\\d+) status=(\\d+) timeout=(\\d+) p50=(\\d+) p90=(\\d+) p99=(\\d+) p999=(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One wrk run's figures; latencies in milliseconds. */
    record Load(long requests, double seconds, long errors, double p50, double p90, double p99, double p999) {
        double rate() {
            return requests / seconds;
        }
    }

    /** What a run loads: a target's predictions (POST with a body), or the health check (GET). */
    private record Endpoint(String name, String model, String url, String method, String body, String token) {}

    /** A measured row of the table: a target (or the health baseline) and one of its runs. */
    record Measure(String target, String model, String run, Load load, Double delayMillis) {
        boolean fixedRate() {
            return delayMillis != null;
        }

        boolean meetsGoal() {
            return load.rate() >= GOAL_RATE && load.p99() <= GOAL_P99_MILLIS && load.errors() == 0;
        }
    }

    private final PipelineConfig config;
    private final PrintStream log;
    private final Path wrk;
    private final Set<String> commands = new LinkedHashSet<>();
    private Path scripts;

    ServeLoadBenchmark(PipelineConfig config, PrintStream log) {
        this.config = config;
        this.log = log;
        this.wrk = wrk();
    }

    /** Runs every target for {@code seconds} per measured run and returns the section of docs/BENCHMARKS.md. */
    String run(int seconds) throws IOException, InterruptedException {
        if (seconds < 1) {
            throw new DatapilotException(ErrorKind.USAGE, "Invalid --seconds " + seconds + ": each wrk run lasts at least 1 second");
        }
        Path scratch = Files.createTempDirectory("datapilot-bench-serve");
        scripts = scratch;
        LongAdder logged = new LongAdder();
        try {
            Path users = scratch.resolve("users.json");
            String token = Users.addUser(users, "bench", Role.ANALYST, password());
            ServerSettings settings = new ServerSettings("127.0.0.1", 0, ServerSettings.localFolder(config.warehouse(), "warehouse"),
                    ServerSettings.localFolder(config.reportsDir(), "reports_dir"),
                    config.dataset().name(), null, config.rgpd(), users, null, null, ServerSettings.DEFAULT_MAX_BATCH, 0, false,
                    line -> logged.increment());
            try (WebServer server = WebServer.start(settings)) {
                Map<String, ServedModel> models = awaitModels(server);
                int features = models.values().stream().mapToInt(model -> model.fields().size()).max().orElse(0);
                List<Endpoint> targets = targets(models, "http://127.0.0.1:" + server.port(), token);
                Endpoint health = new Endpoint("health", "—", "http://127.0.0.1:" + server.port() + "/health", "GET", null, token);
                // every endpoint warmed up before any measure: the first target must not pay for the JIT of the server
                List<Endpoint> all = new ArrayList<>(targets);
                all.add(health);
                for (Endpoint endpoint : all) {
                    wrk(endpoint, null, SATURATION_CONNECTIONS, warmupSeconds(seconds), "warmup");
                }
                List<Measure> measures = new ArrayList<>();
                for (Endpoint target : targets) {
                    measures.add(fixedRate(target, seconds));
                    measures.add(new Measure(target.name(), target.model(), "saturation", saturation(target, seconds), null));
                }
                measures.add(new Measure("(baseline)", "—", "GET /health, saturation", saturation(health, seconds), null));
                log.printf("[bench]   access log: %s lines counted and discarded%n", Numbers.count(logged.sum()));
                return section(measures, seconds, server.registry().folder(), features);
            }
        } finally {
            LocalFolders.deleteQuietly(scratch);
        }
    }

    /** Each served target's prediction endpoint, once it has answered 200 to its body. */
    private static List<Endpoint> targets(Map<String, ServedModel> models, String base, String token) throws IOException, InterruptedException {
        List<Endpoint> targets = new ArrayList<>();
        for (ServedModel model : models.values()) {
            Endpoint target = new Endpoint(model.target(), model.modelLabel(),
                    base + "/api/predict/" + URLEncoder.encode(model.target(), StandardCharsets.UTF_8), "POST", body(model), token);
            checkAnswers(target);
            targets.add(target);
        }
        return targets;
    }

    /**
     * wrk's timer is in whole milliseconds and each connection waits for its answer, so the rate
     * depends on the service time: short runs measure the cycle of a connection and correct the
     * delay until the rate is the one offered (a fraction of a millisecond by drawing).
     */
    private Measure fixedRate(Endpoint target, int seconds) throws IOException, InterruptedException {
        double period = FIXED_RATE_CONNECTIONS * 1000 / OFFERED_RATE;
        double delay = period;
        for (int probe = 0; probe < CALIBRATIONS; probe++) {
            Load load = wrk(target, delay, FIXED_RATE_CONNECTIONS, warmupSeconds(seconds), "calibration");
            if (Math.abs(load.rate() / OFFERED_RATE - 1) < 0.02) {
                break;
            }
            double cycle = FIXED_RATE_CONNECTIONS * 1000 / load.rate();
            delay = Math.max(0, Math.min(period, delay + period - cycle));
        }
        Load load = wrk(target, delay, FIXED_RATE_CONNECTIONS, seconds, "rate");
        log.printf(Locale.ROOT, "[bench]   %s at ~500 req/s (delay %.2f ms): %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors%n",
                target.name(), delay, load.rate(), load.p50(), load.p99(), load.errors());
        commands.add(command(FIXED_RATE_CONNECTIONS, seconds, "predict-rate.lua", "/api/predict/TARGET"));
        return new Measure(target.name(), target.model(), "≈ " + Numbers.count((long) GOAL_RATE) + " req/s", load, delay);
    }

    private Load saturation(Endpoint endpoint, int seconds) throws IOException, InterruptedException {
        Load load = wrk(endpoint, null, SATURATION_CONNECTIONS, seconds, "saturation");
        log.printf(Locale.ROOT, "[bench]   %s at saturation: %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors%n", endpoint.name(),
                load.rate(), load.p50(), load.p99(), load.errors());
        boolean health = endpoint.body() == null;
        commands.add(command(SATURATION_CONNECTIONS, seconds, health ? "health.lua" : "predict.lua",
                health ? "/health" : "/api/predict/TARGET"));
        return load;
    }

    private static int warmupSeconds(int seconds) {
        return Math.max(2, seconds / 4);
    }

    /** Runs wrk once with the script and parses the line its done() hook prints. */
    private Load wrk(Endpoint endpoint, Double delayMillis, int connections, int seconds, String run)
            throws IOException, InterruptedException {
        Path file = scripts.resolve(endpoint.name().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + run + ".lua");
        Files.writeString(file, script(endpoint.method(), endpoint.body(), endpoint.token(), delayMillis), StandardCharsets.UTF_8);
        String url = endpoint.url();
        Process process = new ProcessBuilder(wrk.toString(), "-t" + THREADS, "-c" + connections, "-d" + seconds + "s", "--timeout", TIMEOUT,
                "-s", file.toString(), url).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not stop after " + (seconds + 30) + " s on " + url);
        }
        Matcher result = RESULT.matcher(output);
        if (process.exitValue() != 0 || !result.find()) {
            throw new IllegalStateException("wrk failed on " + url + " (exit " + process.exitValue() + "):\n" + output);
        }
        long errors = 0;
        for (int group = 3; group <= 7; group++) {
            errors += Long.parseLong(result.group(group));
        }
        return new Load(Long.parseLong(result.group(1)), Long.parseLong(result.group(2)) / 1e6, errors, millis(result.group(8)),
                millis(result.group(9)), millis(result.group(10)), millis(result.group(11)));
    }

    private static double millis(String micros) {
        return Long.parseLong(micros) / 1000.0;
    }

    /**
     * The Lua script: method, headers and body of every request; with a delay, each connection waits
     * that long (in milliseconds, the fraction drawn) after each answer; done() prints one line.
     */
    static String script(String method, String body, String token, Double delayMillis) {
        StringBuilder lua = new StringBuilder();
        lua.append("wrk.method = ").append(lua(method)).append('\n');
        lua.append("wrk.headers[\"Authorization\"] = ").append(lua("Bearer " + token)).append('\n');
        if (body != null) {
            lua.append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
            lua.append("wrk.body = ").append(lua(body)).append('\n');
        }
        if (delayMillis != null) {
            long whole = (long) Math.floor(delayMillis);
            lua.append(String.format(Locale.ROOT, "local whole, fraction = %d, %.4f%n", whole, delayMillis - whole));
            lua.append("function delay()\n  if math.random() < fraction then return whole + 1 end\n  return whole\nend\n");
        }
        lua.append("function done(summary, latency, requests)\n  local e = summary.errors\n");
        lua.append("  io.write(string.format(\"datapilot-wrk requests=%.0f duration_us=%.0f connect=%.0f read=%.0f write=%.0f status=%.0f")
                .append(" timeout=%.0f p50=%.0f p90=%.0f p99=%.0f p999=%.0f\\n\",\n");
        lua.append("    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,\n");
        lua.append("    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9)))\nend\n");
        return lua.toString();
    }

    /** A Lua string literal of the UTF-8 bytes of the text. */
    private static String lua(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int value = b & 0xff;
            if (value >= 0x20 && value < 0x7f && value != '"' && value != '\\') {
                literal.append((char) value);
            } else {
                literal.append('\\').append(String.format(Locale.ROOT, "%03d", value));
            }
        }
        return literal.append('"').toString();
    }

    /**
     * A body whose every field is away from its typical value (lowest number or date, the other
     * boolean, the second most frequent label): the worst case, where the explanation scores the row
     * once more per feature.
     */
    static String body(ServedModel model) {
        ObjectNode body = JSON.createObjectNode();
        for (Field field : model.fields()) {
            switch (field.kind()) {
                case NUMERIC -> {
                    String value = field.min() != null && !field.min().equals(field.reference()) ? field.min() : field.max();
                    if (value == null) {
                        body.putNull(field.column());
                    } else {
                        body.put(field.column(), Double.parseDouble(value));
                    }
                }
                case BOOLEAN -> body.put(field.column(), field.reference() == null || Double.parseDouble(field.reference()) < 0.5);
                case DATE -> {
                    if (field.min() == null) {
                        body.putNull(field.column());
                    } else {
                        body.put(field.column(), field.min().substring(0, 10));
                    }
                }
                default -> {
                    if (field.values().isEmpty()) {
                        body.putNull(field.column());
                    } else {
                        body.put(field.column(), field.values().get(Math.min(1, field.values().size() - 1)));
                    }
                }
            }
        }
        return body.toString();
    }

    /** One request answered 200 before the load: otherwise wrk would only count errors. */
    private static void checkAnswers(Endpoint target) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(target.url()))
                .header("Authorization", "Bearer " + target.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(target.body())).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Cannot load " + target.url() + ": it answers " + response.statusCode() + " to the body "
                    + target.body() + ":\n" + response.body());
        }
    }

    private static Map<String, ServedModel> awaitModels(WebServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!server.registry().snapshot().loaded() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Map<String, ServedModel> models = server.registry().snapshot().models();
        if (models.isEmpty()) {
            throw new DatapilotException(ErrorKind.CONFIG, "Cannot run the serve benchmark: no model is served from "
                    + server.registry().folder() + " (" + server.registry().snapshot().failures() + "); train them first: scripts/datapilot run");
        }
        return models;
    }

    private static Path wrk() {
        String path = System.getenv("PATH") == null ? "/usr/bin" : System.getenv("PATH");
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, "wrk");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new DatapilotException(ErrorKind.USAGE, "Cannot run the serve benchmark: the HTTP load tool wrk is not on the PATH;"
                + " install it: apt-get install wrk");
    }

    private String wrkVersion() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(wrk.toString(), "--version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        String first = output.lines().findFirst().orElse("wrk");
        return first.contains(" [") ? first.substring(0, first.indexOf(" [")) : first;
    }

    private static String command(int connections, int seconds, String script, String path) {
        return "wrk -t" + THREADS + " -c" + connections + " -d" + seconds + "s --timeout " + TIMEOUT + " -s " + script
                + " http://127.0.0.1:PORT" + path;
    }

    /** The server reads local folders, as datapilot serve does. */
    private static char[] password() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    private String section(List<Measure> measures, int seconds, Path models, int features) throws IOException, InterruptedException {
        Load health = measures.get(measures.size() - 1).load();
        StringBuilder text = new StringBuilder("<!-- bench:serve -->\n### Prediction API under HTTP load\n\n");
        text.append("Measured on ").append(LocalDate.now()).append(", ").append(BenchmarkReport.machine()).append(", with ")
                .append(wrkVersion()).append(" (the original wrk: no fixed-rate mode) on loopback. The web server of `datapilot serve`")
                .append(" runs in the benchmark's JVM (HTTP on 127.0.0.1, access log discarded) with the best model of each target from `")
                .append(models).append("`; **the server and wrk share the machine's ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores**. Each request is one JSON object with an analyst's API token and every feature away from its typical value")
                .append(" (lowest number or date, the other boolean, the second most frequent label): the worst case, where the explanation")
                .append(" of the prediction scores the row once more per feature (up to ").append(features).append(" more scorings). Every measured run")
                .append(" lasts ").append(seconds).append(" s, after ").append(warmupSeconds(seconds))
                .append(" s at saturation on each endpoint to warm up (not measured); timeout ").append(TIMEOUT).append("; errors are wrk's: connect, read, write, timeout and HTTP")
                .append(" status ≥ 400. Latencies in ms.\n\n");
        text.append("- ≈ 500 req/s: ").append(FIXED_RATE_CONNECTIONS).append(" connections on ").append(THREADS)
                .append(" threads, each waiting between an answer and its next request (wrk's `delay()` hook, the delay shown, calibrated")
                .append(" by up to ").append(CALIBRATIONS).append(" runs of ").append(warmupSeconds(seconds)).append(" s to offer about ").append(Numbers.count(Math.round(OFFERED_RATE)))
                .append(" req/s); the rate shown is the one achieved.\n");
        text.append("- saturation: ").append(SATURATION_CONNECTIONS).append(" connections without waiting; the ratio is the")
                .append(" throughput against `GET /health` at saturation (same token), the server's fixed cost of a request, measured")
                .append(" in the same run.\n");
        text.append("- Goal: p99 ≤ ").append(Numbers.count((long) GOAL_P99_MILLIS)).append(" ms at ≥ ")
                .append(Numbers.count((long) GOAL_RATE)).append(" req/s achieved, 0 errors.\n\n");
        text.append("| target | model | run | achieved | p50 | p90 | p99 | p99,9 | errors | vs /health | goal met |\n");
        text.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Measure measure : measures) {
            Load load = measure.load();
            boolean baseline = load == health;
            text.append("| ").append(measure.target()).append(" | ").append(measure.model()).append(" | ").append(measure.run())
                    .append(measure.fixedRate() ? " (delay " + Numbers.decimal(measure.delayMillis(), 1) + " ms)" : "")
                    .append(" | ").append(Numbers.count(Math.round(load.rate()))).append(" req/s")
                    .append(" | ").append(Numbers.decimal(load.p50(), 2)).append(" | ").append(Numbers.decimal(load.p90(), 2))
                    .append(" | ").append(Numbers.decimal(load.p99(), 2)).append(" | ").append(Numbers.decimal(load.p999(), 2))
                    .append(" | ").append(Numbers.count(load.errors())).append(" of ").append(Numbers.count(load.requests()))
                    .append(" | ").append(measure.fixedRate() || baseline ? "—" : Numbers.decimal(load.rate() / health.rate(), 2) + "×")
                    .append(" | ").append(!measure.fixedRate() ? "—" : measure.meetsGoal() ? "yes" : "**no**").append(" |\n");
        }
        long met = measures.stream().filter(Measure::fixedRate).filter(Measure::meetsGoal).count();
        long targets = measures.stream().filter(Measure::fixedRate).count();
        text.append("\nGoal met for ").append(met).append(" of ").append(targets).append(" targets. Caveat: wrk's `delay()` spaces the")
                .append(" requests of each connection after its answer (closed loop), so a pause of the server delays the next requests")
                .append(" instead of queueing them and the percentiles under-count it; a lower achieved rate is its sign.")
                .append(" Command lines (the scripts, written to a temporary folder, set the method, the headers, the body, `delay()`")
                .append(" for the fixed rate and a `done()` printing the percentiles, requests, errors and duration):\n\n");
        commands.forEach(command -> text.append("    ").append(command).append('\n'));
        text.append("<!-- /bench:serve -->\n");
        return text.toString();
    }
}
