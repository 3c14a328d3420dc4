package io.datapilot.bench;

import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code datapilot bench <suite>}: measures a suite on generated data and writes its section of
 * docs/BENCHMARKS.md. Benchmarks are measured here, never asserted in timed tests.
 */
@Command(name = "bench", description = "Measure a benchmark suite on generated data (medians after warm-up, ratios"
        + " against a baseline measured in the same run) and write the results to docs/BENCHMARKS.md.")
public final class BenchCommand extends DatapilotCommand {

    @Parameters(paramLabel = "SUITE", description = "Suite to run: ${COMPLETION-CANDIDATES}.")
    Suite suite;

    @Option(names = "--rows", defaultValue = "1000000", description = "Order lines to generate (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--runs", defaultValue = "5", description = "Measured runs of each operation (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmups", defaultValue = "1", description = "Unmeasured runs first (default ${DEFAULT-VALUE}).")
    int warmups;

    @Option(names = "--data", defaultValue = "bench-data", description = "Folder for generated data, reused between"
            + " runs (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--report", defaultValue = "docs/BENCHMARKS.md", description = "Results file (default ${DEFAULT-VALUE}).")
    Path report;

    /** The suites; later stages add theirs. */
    public enum Suite {
        ingest,
        profile,
        queries,
        queries_liquid,
        stats,
        knn,
        scorer,
        cv_parallelism,
        train_sklearn,
        serve,
        smallrun
    }

    @Option(names = "--calls", defaultValue = "100000", description = "scorer suite: measured local scorer calls per"
            + " model (default ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--spark-calls", defaultValue = "50", description = "scorer suite: measured Spark one-row transforms"
            + " per model (default ${DEFAULT-VALUE}).")
    int sparkCalls;

    @Option(names = "--seconds", defaultValue = "20", description = "serve suite: length of each measured wrk run, in seconds"
            + " (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--minimal-config", defaultValue = "jobs/src/test/resources/datasets/meteo/pipeline.yaml", description = "smallrun"
            + " suite: the second case, a configuration with only sources and a data set (default ${DEFAULT-VALUE}).")
    Path minimalConfig;

    @Override
    protected int run(RunContext context) {
        try {
            return switch (suite) {
                case knn -> runKnn(context);
                case scorer -> scorer(context);
                case cv_parallelism -> cvParallelism(context);
                case train_sklearn -> trainVsScikitLearn(context);
                case serve -> serve(context);
                case smallrun -> smallRun(context);
                case ingest, profile, queries, queries_liquid, stats -> orderLines(context);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The suites measured on the generated order lines. */
    private int orderLines(RunContext context) throws IOException {
        Path dataset = IngestBenchmark.ensureData(data, rows, context.err());
        Path scratch = Files.createTempDirectory("datapilot-bench");
        try {
            List<Comparison> comparisons = switch (suite) {
                case ingest -> new IngestBenchmark(context.spark(), dataset, scratch, context.err()).run(runs, warmups);
                case profile -> new ProfileBenchmark(context.spark(), dataset, context.err()).run(runs, warmups);
                case queries -> new QueriesBenchmark(context.spark(), dataset, context.err(), false).run(runs, warmups);
                case queries_liquid -> new QueriesBenchmark(context.spark(), dataset, context.err(), true).run(runs, warmups);
                case stats -> new StatsBenchmark(context.spark(), dataset, context.err()).run(runs, warmups);
                default -> throw new IllegalStateException(suite + " does not run on the order lines");
            };
            String title = switch (suite) {
                case ingest -> "Ingestion (issue 2)";
                case profile -> "Profiling (issue 3)";
                case queries -> "Query times, tuned vs untuned tables (issue 4)";
                case queries_liquid -> "Query times, tuned with liquid clustering vs untuned tables (issue 4)";
                default -> "Statistics (issue 5)";
            };
            String section = BenchmarkReport.section(suite.name(), title,
                    io.datapilot.core.text.Numbers.count(rows) + " generated order lines (seed "
                            + io.datapilot.sample.SampleGenerator.DEFAULT_SEED + ", "
                            + Files.size(dataset.resolve(io.datapilot.sample.SampleGenerator.ORDER_LINES_FILE)) / (1 << 20)
                            + " MiB of windows-1252 CSV), Spark " + context.spark().version() + " master "
                            + context.spark().sparkContext().master(),
                    runs, warmups, comparisons);
            BenchmarkReport.write(report, suite.name(), section);
            context.out().print(section);
            return 0;
        } finally {
            io.datapilot.core.fs.LocalFolders.deleteQuietly(scratch);
        }
    }

    /** The whole train stage on the sample against scikit-learn, which runs in its own process. */
    private int trainVsScikitLearn(RunContext context) throws IOException {
        try {
            String section = "<!-- bench:" + suite.name() + " -->\n" + new TrainVsScikitLearnBenchmark(context.spark(), data,
                    context.configPath(), context.err()).run() + "Machine: " + BenchmarkReport.machine() + ".\n<!-- /bench:"
                    + suite.name() + " -->\n";
            BenchmarkReport.write(report, suite.name(), section);
            context.out().print(section);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The train_sklearn benchmark was interrupted", e);
        }
    }

    /** The knn suite generates its own matrix (no order lines), so it skips the shared data set. */
    private int runKnn(RunContext context) throws IOException {
        List<Comparison> comparisons = new KnnBenchmark(context.spark(), data, context.err()).run(runs, warmups);
        String section = BenchmarkReport.section(suite.name(), "K nearest neighbours vs scikit-learn",
                KnnBenchmark.DATASET + ", Spark " + context.spark().version() + " master " + context.spark().sparkContext().master(),
                runs, warmups, comparisons);
        BenchmarkReport.write(report, suite.name(), section);
        context.out().print(section);
        return 0;
    }

    /** One-row scoring: no generated order lines, its own table of latencies. */
    private int scorer(RunContext context) throws IOException {
        Path scratch = Files.createTempDirectory("datapilot-bench-scorer");
        List<ScorerBenchmark.Measure> measures = new ScorerBenchmark(context.spark(), context.err())
                .run(calls, sparkCalls, scratch);
        String section = ScorerBenchmark.section(measures, calls, sparkCalls, context.spark().version(),
                context.spark().sparkContext().master());
        BenchmarkReport.write(report, suite.name(), section);
        context.out().print(section);
        return 0;
    }

    /** The web application under HTTP load (wrk on loopback): the trained models of the configuration, no Spark session. */
    private int serve(RunContext context) throws IOException {
        try {
            String section = new ServeLoadBenchmark(context.config(), context.err()).run(seconds);
            BenchmarkReport.write(report, suite.name(), section);
            context.out().print(section);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The serve benchmark was interrupted", e);
        }
    }

    /** The grid search on the bundled sample, parallelism 2 vs 1: its own data (the sample), no order lines. */
    private int cvParallelism(RunContext context) throws IOException {
        List<Comparison> comparisons = new CvParallelismBenchmark(context.spark(), data, context.configPath(), context.err())
                .run(runs, warmups);
        String section = BenchmarkReport.section(suite.name(), "Grid search: parallelism 2 vs 1",
                "the bundled sample (conf/pipeline.yaml) loaded once, Spark " + context.spark().version() + " master "
                        + context.spark().sparkContext().master(), runs, warmups, comparisons);
        BenchmarkReport.write(report, suite.name(), section);
        context.out().print(section);
        return 0;
    }

    /** Whole runs in fresh JVMs, each stage's Spark jobs from the event log: no Spark session in this JVM. */
    private int smallRun(RunContext context) throws IOException {
        Path scratch = Files.createTempDirectory("datapilot-bench-smallrun");
        try {
            SmallRunBenchmark benchmark = new SmallRunBenchmark(scratch, context.err());
            List<SmallRunBenchmark.Result> results = new java.util.ArrayList<>();
            results.add(benchmark.measure(new SmallRunBenchmark.Case("the bundled sample", context.configPath().toAbsolutePath(), 30),
                    runs, warmups));
            results.add(benchmark.measure(new SmallRunBenchmark.Case("a minimal configuration (sources and data set)",
                    minimalConfig.toAbsolutePath(), 20), runs, warmups));
            String section = SmallRunBenchmark.section(suite.name(), results, benchmark.jvmStart(runs, warmups), runs, warmups);
            BenchmarkReport.write(report, suite.name(), section);
            context.out().print(section);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The smallrun benchmark was interrupted", e);
        } finally {
            io.datapilot.core.fs.LocalFolders.deleteQuietly(scratch);
        }
    }
}
