package io.datapilot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapilot.core.text.Numbers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the seconds of a small run go: {@code datapilot run} in a fresh JVM, as a user starts it,
 * on each case's configuration; the whole wall time (medians), and from one more run with Spark's
 * event log, per pipeline stage, its wall time, its Spark jobs and tasks, the time with a job
 * running and the time without one (the driver's own work: planning, Delta log reads and commits,
 * files written by the driver), and the kinds of job that took longest. The baseline of the same run
 * is a JVM that starts and exits ({@code datapilot stages}: the launcher, no Spark).
 */
final class SmallRunBenchmark {
    /** One configuration to run, with the goal of its whole run. */
    record Case(String name, Path config, double goalSeconds) {}

    /** A pipeline stage of one run: its window in epoch milliseconds, and the rows its end line reports. */
    record StageWindow(String stage, long start, long end, long rowsIn) {}

    /** One Spark job of the event log. */
    record Job(long submitted, long completed, int tasks, String kind) {}

    /** What one stage cost. */
    record StageCost(String stage, double seconds, int jobs, int tasks, double inJobs, List<Map.Entry<String, double[]>> kinds) {}

    /** A case measured: the whole runs, the start-up before the first stage, and the breakdown. */
    record Result(Case source, Timings whole, double startup, long rowsRead, List<StageCost> stages, int jobs, double inJobs) {}

    private static final Pattern STAGE_LINE = Pattern.compile("^\\[run\\] stage ([a-z_]+)(:| done in [^:]*: ([\\d\\s\u00a0\u202f]+) rows in)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path scratch;
    private final PrintStream log;

    SmallRunBenchmark(Path scratch, PrintStream log) {
        this.scratch = scratch;
        this.log = log;
    }

    /** The baseline: a JVM that starts the command line and exits, no Spark. */
    Timings jvmStart(int runs, int warmups) throws IOException, InterruptedException {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command(List.of("stages"), List.of())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            check(process.waitFor(), "datapilot stages", "");
            if (i >= warmups) {
                seconds.add((System.nanoTime() - started) / 1e9);
            }
        }
        return new Timings("JVM start, no Spark (datapilot stages)", seconds);
    }

    Result measure(Case source, int runs, int warmups) throws IOException, InterruptedException {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            Run run = run(source, "run-" + i, false);
            log.println("[bench] smallrun " + source.name() + " " + (i < warmups ? "warm-up" : "run " + (i - warmups + 1)) + ": "
                    + Numbers.decimal(run.seconds(), 1) + " s");
            if (i >= warmups) {
                seconds.add(run.seconds());
            }
        }
        Run traced = run(source, "events", true);
        log.println("[bench] smallrun " + source.name() + " with the event log: " + Numbers.decimal(traced.seconds(), 1) + " s");
        List<Job> jobs = jobs(traced.events());
        List<StageCost> stages = new ArrayList<>();
        for (StageWindow window : traced.stages()) {
            List<Job> inside = jobs.stream().filter(job -> job.submitted() >= window.start() && job.submitted() < window.end()).toList();
            stages.add(new StageCost(window.stage(), (window.end() - window.start()) / 1000.0, inside.size(),
                    inside.stream().mapToInt(Job::tasks).sum(), busy(inside, window.start(), window.end()), kinds(inside)));
        }
        long rowsRead = traced.stages().stream().filter(window -> window.stage().equals("ingest")).mapToLong(StageWindow::rowsIn)
                .findFirst().orElse(0);
        double startup = traced.stages().isEmpty() ? Double.NaN : (traced.stages().get(0).start() - traced.launched()) / 1000.0;
        return new Result(source, new Timings(source.name(), seconds), startup, rowsRead, stages, jobs.size(),
                busy(jobs, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    /** One {@code datapilot run} in its own JVM and folder; the stage windows from its progress lines, read as they come. */
    private record Run(double seconds, long launched, List<StageWindow> stages, Path events) {}

    private Run run(Case source, String name, boolean events) throws IOException, InterruptedException {
        Path folder = scratch.resolve(source.name()).resolve(name);
        Path eventDir = folder.resolve("events");
        Files.createDirectories(eventDir);
        List<String> jvm = events ? List.of("-Dspark.eventLog.enabled=true", "-Dspark.eventLog.dir=" + eventDir.toUri()) : List.of();
        List<String> arguments = List.of("run", "--config", source.config().toString(), "--warehouse", folder.resolve("warehouse").toString(),
                "--reports-dir", folder.resolve("reports").toString(), "--run-date", LocalDate.now().toString());
        long launched = System.currentTimeMillis();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command(arguments, jvm)).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<StageWindow> stages = new ArrayList<>();
        Map<String, Long> open = new LinkedHashMap<>();
        StringBuilder tail = new StringBuilder();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                long now = System.currentTimeMillis();
                tail.append(line).append('\n');
                if (tail.length() > 4000) {
                    tail.delete(0, tail.length() - 4000);
                }
                Matcher matcher = STAGE_LINE.matcher(line);
                if (matcher.find()) {
                    String stage = matcher.group(1);
                    if (matcher.group(3) == null) {
                        open.put(stage, now);
                    } else if (open.containsKey(stage)) {
                        stages.add(new StageWindow(stage, open.remove(stage), now, Long.parseLong("0" + matcher.group(3).replaceAll("\\D", ""))));
                    }
                }
            }
        }
        check(process.waitFor(), "datapilot run --config " + source.config(), tail.toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        Path log = null;
        if (events) {
            try (Stream<Path> files = Files.list(eventDir)) {
                log = files.filter(Files::isRegularFile).findFirst()
                        .orElseThrow(() -> new IllegalStateException("Spark wrote no event log in " + eventDir));
            }
        }
        return new Run(seconds, launched, stages, log);
    }

    private static void check(int code, String what, String tail) {
        if (code != 0) {
            throw new IllegalStateException(what + " failed with exit code " + code + "; the end of its output:\n" + tail);
        }
    }

    /** The launcher's JVM settings (this JVM's: the same add-opens, heap and logging), then the arguments. */
    private static List<String> command(List<String> arguments, List<String> jvm) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> !argument.startsWith("-agentlib") && !argument.startsWith("-XX:StartFlightRecording"))
                .forEach(command::add);
        command.addAll(jvm);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.datapilot.Datapilot");
        command.addAll(arguments);
        return command;
    }

    /** The jobs of a Spark event log: submission, completion, tasks and a kind (the job's description without its tables). */
    static List<Job> jobs(Path events) {
        Map<Long, long[]> times = new LinkedHashMap<>();
        Map<Long, String> kinds = new LinkedHashMap<>();
        Map<Long, Integer> tasks = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("{\"Event\":\"SparkListenerJobStart\"")) {
                    JsonNode event = JSON.readTree(line);
                    long id = event.path("Job ID").asLong();
                    times.put(id, new long[] {event.path("Submission Time").asLong(), Long.MAX_VALUE});
                    int count = 0;
                    String site = "";
                    for (JsonNode stage : event.path("Stage Infos")) {
                        count += stage.path("Number of Tasks").asInt();
                        site = stage.path("Stage Name").asText();
                    }
                    tasks.put(id, count);
                    kinds.put(id, kind(event.path("Properties").path("spark.job.description").asText(""), site));
                } else if (line.startsWith("{\"Event\":\"SparkListenerJobEnd\"")) {
                    JsonNode event = JSON.readTree(line);
                    long[] time = times.get(event.path("Job ID").asLong());
                    if (time != null) {
                        time[1] = event.path("Completion Time").asLong();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the event log " + events, e);
        }
        List<Job> jobs = new ArrayList<>();
        times.forEach((id, time) -> jobs.add(new Job(time[0], time[1] == Long.MAX_VALUE ? time[0] : time[1], tasks.get(id), kinds.get(id))));
        jobs.sort(Comparator.comparingLong(Job::submitted));
        return jobs;
    }

    /**
     * What a job did, without the table or source it did it on: Delta's own jobs by their last step
     * ("Filtering files for query", "Compute snapshot"), datapilot's by the last part of the stage's
     * description ("detecting column types", "2 combinations × 3 folds"), the others by their call site.
     */
    static String kind(String description, String site) {
        if (description.isBlank()) {
            return site.replaceAll(":\\d+$", "");
        }
        if (description.startsWith("Delta: ")) {
            String[] parts = description.replaceAll("version: ?\\d+", "version").split(": ");
            return "Delta: " + parts[parts.length - 1].replaceAll("\\d+", "N");
        }
        String[] steps = description.split(" · ");
        return steps[steps.length - 1].replaceAll("\\d+", "N");
    }

    /** Seconds during which at least one of the jobs ran, within [from, to]. */
    static double busy(List<Job> jobs, long from, long to) {
        List<long[]> intervals = new ArrayList<>();
        for (Job job : jobs) {
            long start = Math.max(from, job.submitted());
            long end = Math.min(to, job.completed());
            if (end > start) {
                intervals.add(new long[] {start, end});
            }
        }
        intervals.sort(Comparator.comparingLong(interval -> interval[0]));
        long total = 0;
        long[] current = null;
        for (long[] interval : intervals) {
            if (current == null || interval[0] > current[1]) {
                if (current != null) {
                    total += current[1] - current[0];
                }
                current = interval.clone();
            } else {
                current[1] = Math.max(current[1], interval[1]);
            }
        }
        if (current != null) {
            total += current[1] - current[0];
        }
        return total / 1000.0;
    }

    /** The kinds of job by total time, longest first: count and seconds. */
    private static List<Map.Entry<String, double[]>> kinds(List<Job> jobs) {
        Map<String, double[]> kinds = new LinkedHashMap<>();
        for (Job job : jobs) {
            double[] kind = kinds.computeIfAbsent(job.kind(), key -> new double[2]);
            kind[0]++;
            kind[1] += (job.completed() - job.submitted()) / 1000.0;
        }
        return kinds.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1])).toList();
    }

    /** The suite's section of docs/BENCHMARKS.md. */
    static String section(String suite, List<Result> results, Timings jvm, int runs, int warmups) {
        StringBuilder text = new StringBuilder();
        text.append("<!-- bench:").append(suite).append(" -->\n");
        text.append("### Small runs: where the seconds go (issue 15)\n\n");
        text.append("Measured on ").append(LocalDate.now()).append(", ").append(BenchmarkReport.machine()).append(". Each case is `datapilot run`")
                .append(" in a fresh JVM with the launcher's settings, into an empty warehouse, as a user starts it: ").append(warmups)
                .append(" warm-up run(s), then ").append(runs).append(" measured; times are medians (min–max). Then one more run with")
                .append(" Spark's event log gives the breakdown by stage (its wall time from the run's progress lines; \"in jobs\" is the")
                .append(" time with at least one Spark job running, the rest is the driver's own work between jobs: query planning, Delta")
                .append(" log reads and commits, files the driver writes, JIT compilation of a young JVM). Baseline of the same run: ")
                .append(jvm.name()).append(", ").append(seconds(jvm)).append(".\n\n");
        text.append("| case | rows read | whole run | ratio to the JVM start | Spark jobs | in jobs | JVM start → first stage | goal | met |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (Result result : results) {
            text.append("| ").append(result.source().name()).append(" | ").append(Numbers.count(result.rowsRead()))
                    .append(" | ").append(seconds(result.whole()))
                    .append(" | ").append(Numbers.decimal(result.whole().median() / jvm.median(), 1)).append("×")
                    .append(" | ").append(Numbers.count(result.jobs()))
                    .append(" | ").append(Numbers.decimal(result.inJobs(), 1)).append(" s")
                    .append(" | ").append(Numbers.decimal(result.startup(), 1)).append(" s")
                    .append(" | ≤ ").append(Numbers.decimal(result.source().goalSeconds(), 0)).append(" s")
                    .append(" | ").append(result.whole().median() <= result.source().goalSeconds() ? "yes" : "**no**").append(" |\n");
        }
        for (Result result : results) {
            text.append("\n`").append(result.source().config()).append("`, by stage (the run with the event log):\n\n");
            text.append("| stage | wall | Spark jobs | tasks | in jobs | between jobs | longest kinds of job (jobs, time in them) |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            for (StageCost stage : result.stages()) {
                StringBuilder kinds = new StringBuilder();
                for (Map.Entry<String, double[]> kind : stage.kinds().subList(0, Math.min(3, stage.kinds().size()))) {
                    kinds.append(kinds.isEmpty() ? "" : "; ").append(kind.getKey().replace("|", "/")).append(" (")
                            .append(Numbers.count((long) kind.getValue()[0])).append(", ").append(Numbers.decimal(kind.getValue()[1], 1))
                            .append(" s)");
                }
                text.append("| ").append(stage.stage()).append(" | ").append(Numbers.decimal(stage.seconds(), 1)).append(" s | ")
                        .append(Numbers.count(stage.jobs())).append(" | ").append(Numbers.count(stage.tasks())).append(" | ")
                        .append(Numbers.decimal(stage.inJobs(), 1)).append(" s | ")
                        .append(Numbers.decimal(Math.max(0, stage.seconds() - stage.inJobs()), 1)).append(" s | ")
                        .append(kinds).append(" |\n");
            }
        }
        text.append("<!-- /bench:").append(suite).append(" -->\n");
        return text.toString();
    }

    private static String seconds(Timings timings) {
        return Numbers.decimal(timings.median(), 1) + " s (" + Numbers.decimal(timings.min(), 1) + "–" + Numbers.decimal(timings.max(), 1)
                + ")";
    }
}
