package io.datapilot.bench;

import io.datapilot.clean.CleanStage;
import io.datapilot.core.config.CleanConfig;
import io.datapilot.core.config.ConfigLoader;
import io.datapilot.core.config.LoadConfig;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.spark.SessionSettings;
import io.datapilot.core.text.Numbers;
import io.datapilot.ingest.IngestCheck;
import io.datapilot.ingest.Ingestion;
import io.datapilot.load.LoadStage;
import io.datapilot.load.QueryBenchmark;
import io.datapilot.profile.Audit;
import io.datapilot.sample.SampleGenerator;
import io.delta.tables.DeltaTable;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Query times on the generated order lines, cleaned and loaded twice (untuned, tuned and Z-ordered
 * on their key): each representative query on the tuned table against the same query on the
 * untuned one, with files read and size on disk.
 */
final class QueriesBenchmark {
    private static final LocalDate RUN = LocalDate.of(2025, 1, 6);
    private final SparkSession spark;
    private final Path data;
    private final PrintStream log;
    private final boolean liquid;

    /** {@code liquid}: the tuned table with {@code load.clustering: liquid}, in a warehouse of its own. */
    QueriesBenchmark(SparkSession spark, Path data, PrintStream log, boolean liquid) {
        this.spark = spark;
        this.data = data;
        this.log = log;
        this.liquid = liquid;
    }

    List<Comparison> run(int runs, int warmups) {
        Path root = data.resolve(liquid ? "queries-warehouse-liquid" : "queries-warehouse").toAbsolutePath();
        PipelineConfig loaded = ConfigLoader.load(data.resolve(SampleGenerator.CONFIG_FILE));
        CleanConfig clean = loaded.clean();
        String table = SampleGenerator.ORDER_LINES;
        if (liquid) {
            shareCleanTables(data.resolve("queries-warehouse").toAbsolutePath(), root, table);
        }
        LoadConfig load = loaded.load();
        LoadConfig layout = new LoadConfig(load.index(), load.targetFileMb(), load.compression(), load.onOverflow(),
                liquid ? "liquid" : "zorder");
        PipelineConfig config = new PipelineConfig(loaded.project(), loaded.baseDir(), root.toString(), loaded.spark(),
                data.resolve("queries-reports").toString(), loaded.sources(), loaded.dataset(), loaded.rgpd(), loaded.profile(),
                loaded.qualityGate(), new CleanConfig(List.of(table), clean.missingIndicators(), clean.dropDuplicates(), clean.outliers(),
                        clean.impossible(), clean.normaliseCategories(), clean.columns()), layout, loaded.stats(),
                loaded.train(), loaded.governance(), loaded.watch(), loaded.report());
        Warehouse warehouse = new Warehouse(root.toString());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        if (!DeltaIO.exists(spark, warehouse.table(Layer.SILVER, table + CleanStage.CLEAN_SUFFIX))) {
            log.println("[bench] ingesting, auditing and cleaning " + table + " once for the query benchmark");
            IngestCheck.Checked checked = IngestCheck.check(data.resolve(SampleGenerator.CONFIG_FILE), ignored -> config);
            Ingestion.of(spark, checked.plan(), warehouse).runDate(RUN).progressTo(quiet).execute();
            Audit.of(spark, config).runDate(RUN).progressTo(quiet).execute();
            new CleanStage(spark, config, warehouse, RUN, log).execute();
        }
        if (!DeltaIO.exists(spark, warehouse.table(Layer.SILVER, table))) {
            log.println("[bench] loading " + table + " untuned and tuned");
            new LoadStage(spark, config, warehouse, RUN, log).execute();
        }
        String tuned = warehouse.table(Layer.SILVER, table);
        String untuned = warehouse.table(Layer.SILVER, table + LoadStage.UNTUNED_SUFFIX);
        List<String> index = DeltaIO.readRunDate(spark, warehouse.table(Layer.AUDIT, LoadStage.SCHEMA_REPORT), RUN)
                .where("`table` = 'silver." + table + "' AND `index`").select("column").as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        long tunedBytes = DeltaTable.forPath(spark, tuned).detail().first().<Long>getAs("sizeInBytes");
        long untunedBytes = DeltaTable.forPath(spark, untuned).detail().first().<Long>getAs("sizeInBytes");
        long typesOnlyBytes = typesOnly(tuned, root.resolve("scratch-tuned-snappy"));
        List<QueryBenchmark.Measure> measures = new QueryBenchmark(spark).run(untuned, tuned, index, RUN, runs, warmups);
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i + 1 < measures.size(); i += 2) {
            QueryBenchmark.Measure before = measures.get(i);
            QueryBenchmark.Measure after = measures.get(i + 1);
            boolean selective = before.query().startsWith("filtre sélectif");
            log.printf("[bench]   %s: untuned %.3f s, tuned %.3f s%n", before.query(), before.medianSeconds(), after.medianSeconds());
            comparisons.add(new Comparison(before.query() + ", tuned vs untuned", new Timings("tuned", after.seconds()),
                    new Timings("untuned", before.seconds()), selective ? 1 / 3.0 : 1.0, before.query() + ": files read "
                    + after.filesRead() + " of " + after.filesTotal() + " (tuned, " + Numbers.percent((double) after.filesRead()
                    / Math.max(1, after.filesTotal())) + (selective ? ", goal ≤ 10 %" : "") + ") vs " + before.filesRead() + " of "
                    + before.filesTotal() + " (untuned); bytes read " + Numbers.count(after.bytesRead()) + " vs "
                    + Numbers.count(before.bytesRead()) + (i == 0 ? "; size on disk tuned " + Numbers.count(tunedBytes) + " vs untuned "
                    + Numbers.count(untunedBytes) + " bytes = " + Numbers.decimal((double) tunedBytes / untunedBytes, 2)
                    + "× (goal ≤ 0,80×; codec " + config.load().compression() + "), of which the types alone (the tuned rows"
                    + " rewritten in snappy, the untuned table's codec): " + Numbers.count(typesOnlyBytes) + " bytes = "
                    + Numbers.decimal((double) typesOnlyBytes / untunedBytes, 2) + "×; index: " + String.join(", ", index) : "")));
        }
        return comparisons;
    }

    /**
     * The liquid variant starts from the same ingested, audited and cleaned tables: a copy of the
     * Z-order benchmark's warehouse without its loaded tables (Delta logs hold relative paths).
     */
    private void shareCleanTables(Path from, Path to, String table) {
        if (java.nio.file.Files.exists(to) || !java.nio.file.Files.exists(from.resolve("silver").resolve(table + CleanStage.CLEAN_SUFFIX))) {
            return;
        }
        log.println("[bench] copying the ingested and cleaned tables of " + from + " for the liquid clustering variant");
        io.datapilot.core.fs.LocalFolders.copy(from, to, java.util.Set.of(from.resolve("silver").resolve(table),
                from.resolve("silver").resolve(table + LoadStage.UNTUNED_SUFFIX), from.resolve("scratch-tuned-snappy")));
    }

    /**
     * The size of the tuned rows, in their order, written again as plain Parquet with snappy, the
     * untuned table's codec: what the types save without the codec.
     */
    private long typesOnly(String tuned, Path scratch) {
        SessionSettings.with(spark, Map.of("spark.sql.parquet.compression.codec", "snappy"), () -> spark.read().format("delta").load(tuned)
                .where(DeltaIO.RUN_DATE + " = DATE'" + RUN + "'").drop(DeltaIO.RUN_DATE).write().mode("overwrite").parquet(scratch.toString()));
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(scratch)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".parquet")).mapToLong(file -> file.toFile().length()).sum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot measure " + scratch + ": " + e.getMessage(), e);
        }
    }
}
