package io.datapilot.bench;

import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.spark.Jobs;
import io.datapilot.ingest.IngestCheck;
import io.datapilot.ingest.IngestPlan;
import io.datapilot.ingest.Ingestion;
import io.datapilot.ingest.SourcePlan;
import io.datapilot.ingest.read.RawReader;
import io.datapilot.sample.SampleGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Ingestion costs, on the generated order lines (French CSV, windows-1252):
 *
 * <ul>
 *   <li>CSV → Delta ingestion of the source (typing, quarantine, row numbers, counts, bronze and
 *       audit tables) against a plain Spark CSV → Parquet copy of the same file;
 *   <li>reading with the declared schema against Spark's {@code inferSchema}, both read to the end
 *       ({@code noop} sink).
 * </ul>
 */
final class IngestBenchmark {
    private final SparkSession spark;
    private final Path data;
    private final Path scratch;
    private final PrintStream log;

    IngestBenchmark(SparkSession spark, Path data, Path scratch, PrintStream log) {
        this.spark = spark;
        this.data = data;
        this.scratch = scratch;
        this.log = log;
    }

    List<Comparison> run(int runs, int warmups) throws IOException {
        IngestCheck.Checked checked = IngestCheck.check(data.resolve(SampleGenerator.CONFIG_FILE));
        SourcePlan lines = checked.plan().sources().get(SampleGenerator.ORDER_LINES);
        IngestPlan linesOnly = new IngestPlan(checked.config(), Map.of(lines.name(), lines), Optional.empty(), List.of());
        String csv = lines.inspection().files().get(0);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        int[] counter = {0};

        Supplier<Double> ingest = () -> time("datapilot ingest", () -> Ingestion.of(spark, linesOnly,
                new Warehouse(scratch.resolve("warehouse-" + counter[0]++).toString()))
                .runDate(LocalDate.of(2025, 1, 6)).progressTo(quiet).execute());
        Supplier<Double> copy = () -> time("csv to parquet copy", () -> spark.read()
                .option("header", true).option("sep", ";").option("encoding", "windows-1252")
                .csv(csv).write().mode("overwrite").parquet(scratch.resolve("copy-" + counter[0]++).toString()));
        Supplier<Double> declared = () -> time("declared schema read", () -> RawReader.forFormat(lines.inspection().format())
                .read(spark, lines).rows().write().format("noop").mode("overwrite").save());
        org.apache.spark.sql.types.StructType text = new org.apache.spark.sql.types.StructType();
        for (SourcePlan.PlannedColumn column : lines.columns()) {
            text = text.add(column.name(), org.apache.spark.sql.types.DataTypes.StringType);
        }
        org.apache.spark.sql.types.StructType textSchema = text;
        Supplier<Double> plainDeclared = () -> time("plain declared schema read", () -> spark.read()
                .option("header", true).option("sep", ";").option("encoding", "windows-1252").schema(textSchema)
                .csv(csv).write().format("noop").mode("overwrite").save());
        Supplier<Double> inferred = () -> time("inferSchema read", () -> spark.read()
                .option("header", true).option("sep", ";").option("encoding", "windows-1252").option("inferSchema", true)
                .csv(csv).write().format("noop").mode("overwrite").save());

        List<Comparison> comparisons = new ArrayList<>();
        comparisons.add(compare("CSV → Delta ingestion vs plain CSV → Parquet copy", "datapilot ingest", ingest,
                "Spark CSV → Parquet", copy, runs, warmups, 1.3,
                "the candidate parses French numbers and dates, checks every value, numbers rows, writes the bronze"
                        + " Delta table, the quarantine and two audit tables; the baseline copies text columns"));
        comparisons.add(compare("declared schema vs inferSchema (datapilot's reader)", "declared schema", declared,
                "inferSchema", inferred, runs, warmups, 0.6, "both read every row to a noop sink; inference reads the"
                        + " file once more to guess types; datapilot's reader also keeps each row's file, split and"
                        + " position (for row numbers) and the raw text of malformed records"));
        comparisons.add(compare("declared schema vs inferSchema (plain Spark read)", "declared schema", plainDeclared,
                "inferSchema", inferred, runs, warmups, 0.6, "the same read without datapilot's bookkeeping columns"));
        return comparisons;
    }

    private Comparison compare(String title, String candidateName, Supplier<Double> candidate, String baselineName,
            Supplier<Double> baseline, int runs, int warmups, double goal, String notes) {
        for (int i = 0; i < warmups; i++) {
            candidate.get();
            baseline.get();
        }
        List<Double> candidateTimes = new ArrayList<>();
        List<Double> baselineTimes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            candidateTimes.add(candidate.get());
            baselineTimes.add(baseline.get());
        }
        Comparison comparison = new Comparison(title, new Timings(candidateName, candidateTimes),
                new Timings(baselineName, baselineTimes), goal, notes);
        log.printf("[bench] %s: %.2f s vs %.2f s → %.2f× (goal ≤ %.2f×)%n", title, comparison.candidate().median(),
                comparison.baseline().median(), comparison.ratio(), goal);
        return comparison;
    }

    private double time(String what, Runnable work) {
        long start = System.nanoTime();
        Jobs.labelled(spark, "bench", what, work);
        double seconds = (System.nanoTime() - start) / 1e9;
        log.printf("[bench]   %s: %.2f s%n", what, seconds);
        return seconds;
    }

    static Path ensureData(Path root, long rows, PrintStream log) throws IOException {
        Path folder = root.resolve("lumen-" + rows);
        if (!Files.exists(folder.resolve(SampleGenerator.CONFIG_FILE))) {
            log.println("[bench] generating " + rows + " order lines into " + folder);
            SampleGenerator.into(folder).rows(rows).seed(SampleGenerator.DEFAULT_SEED).execute();
        }
        return folder;
    }
}
