package io.datapilot.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.ingest.IngestCheck;
import io.datapilot.ingest.IngestPlan;
import io.datapilot.ingest.Ingestion;
import io.datapilot.ingest.SourcePlan;
import io.datapilot.profile.Profiler;
import io.datapilot.sample.SampleGenerator;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Profiling cost on the generated order lines widened to 24 data columns: datapilot's profiler
 * against a bare scan of the same table ({@code noop} sink) and against Spark's {@code summary()}
 * plus one {@code groupBy} per column; the Spark jobs each used are recorded.
 */
final class ProfileBenchmark {
    private static final LocalDate RUN = LocalDate.of(2025, 1, 6);
    private final SparkSession spark;
    private final Path data;
    private final PrintStream log;

    ProfileBenchmark(SparkSession spark, Path data, PrintStream log) {
        this.spark = spark;
        this.data = data;
        this.log = log;
    }

    /** The wide table, built once from an ingestion of the generated CSV and kept next to the data. */
    Dataset<Row> table() {
        String wide = data.resolve("bench-warehouse/profile_table").toString();
        if (!DeltaIO.exists(spark, wide)) {
            Warehouse warehouse = new Warehouse(data.resolve("bench-warehouse").toString());
            IngestCheck.Checked checked = IngestCheck.check(data.resolve(SampleGenerator.CONFIG_FILE));
            SourcePlan lines = checked.plan().sources().get(SampleGenerator.ORDER_LINES);
            log.println("[bench] ingesting " + lines.inspection().files() + " once for the profile benchmark");
            Ingestion.of(spark, new IngestPlan(checked.config(), Map.of(lines.name(), lines), Optional.empty(), List.of()), warehouse)
                    .runDate(RUN).progressTo(new PrintStream(OutputStream.nullOutputStream())).execute();
            Dataset<Row> bronze = DeltaIO.readRunDate(spark, warehouse.table(Warehouse.Layer.BRONZE, lines.name()), RUN);
            bronze.withColumn("annee", year(col("date_de_commande")))
                    .withColumn("mois", month(col("date_de_commande")))
                    .withColumn("jour_semaine", dayofweek(col("date_de_commande")))
                    .withColumn("heure", hour(col("date_de_commande")))
                    .withColumn("periode", date_format(col("date_de_commande"), "yyyy-MM"))
                    .withColumn("categorie_majuscules", upper(col("categorie")))
                    .withColumn("montant_ht", col("montant_ttc_eur").divide(1.2))
                    .withColumn("tranche_montant", when(col("montant_ttc_eur").lt(50), "moins de 50 €")
                            .when(col("montant_ttc_eur").lt(200), "50 à 200 €").otherwise("200 € et plus"))
                    .write().format("delta").mode("overwrite").save(wide);
        }
        return spark.read().format("delta").load(wide).drop("_source_file", "_row_number", "_ingested_at", "_run_date");
    }

    List<Comparison> run(int runs, int warmups) {
        Dataset<Row> table = table().cache();
        log.println("[bench] profile table: " + table.count() + " rows, " + table.columns().length + " columns");
        table.unpersist();
        Dataset<Row> data = table();
        Stopwatch stopwatch = new Stopwatch(spark, log);
        Runnable profile = () -> Profiler.of(spark, data, "bench").withRunDate(RUN).execute();
        Runnable scan = () -> data.write().format("noop").mode("overwrite").save();
        Runnable naive = () -> {
            data.summary().collectAsList();
            for (String column : data.columns()) {
                data.groupBy(col("`" + column + "`")).count().orderBy(desc("count")).limit(10).collectAsList();
            }
        };
        List<Comparison> comparisons = new ArrayList<>();
        Timings profileTimes = stopwatch.measure("datapilot profile", profile, runs, warmups);
        Timings scanTimes = stopwatch.measure("bare scan", scan, runs, warmups);
        Timings naiveTimes = stopwatch.measure("summary() + groupBy per column", naive, runs, warmups);
        int[] jobs = {stopwatch.jobs("datapilot profile"), stopwatch.jobs("bare scan"), stopwatch.jobs("summary() + groupBy per column")};
        String columns = data.columns().length + " columns";
        comparisons.add(new Comparison("profiling vs bare scan (" + columns + ")", profileTimes, scanTimes, 3.0,
                "Spark jobs of one run: datapilot profile " + jobs[0] + ", bare scan " + jobs[1]
                        + "; the profiler reads the data twice (one aggregate pass for every statistic of every column, one"
                        + " shuffle for every exact frequency, distinct count, quartile and duplicate count) plus a sample"
                        + " of its first rows"));
        comparisons.add(new Comparison("profiling vs summary() + one groupBy per column", profileTimes, naiveTimes, 1.0,
                "Spark jobs of one run: datapilot profile " + jobs[0] + ", summary() + groupBy " + jobs[2]
                        + "; the baseline computes less (approximate quartiles, no distinct counts, lengths, outliers,"
                        + " duplicates, mixed types, skewness or kurtosis)"));
        return comparisons;
    }
}
