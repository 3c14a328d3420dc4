package io.datapilot.bench;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.config.TrainConfig;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.ml.TrainStage;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * The grid search of the sample's classification target with its default grids, {@code parallelism}
 * 2 against 1 (the same grid, folds and seed): time of the cross-validation and final fit, and
 * whether the chosen model is the same. The sample is loaded once into the benchmark's folder.
 */
final class CvParallelismBenchmark {
    static final LocalDate RUN = LocalDate.of(2025, 1, 6);
    private final SparkSession spark;
    private final Path data;
    private final Path config;
    private final PrintStream log;

    CvParallelismBenchmark(SparkSession spark, Path data, Path config, PrintStream log) {
        this.spark = spark;
        this.data = data;
        this.config = config;
        this.log = log;
    }

    List<Comparison> run(int runs, int warmups) {
        Path warehouse = loadSample(spark, data, config, log);
        PipelineConfig loaded = io.datapilot.core.config.ConfigLoader.load(config)
                .withOutputs(warehouse.toString(), data.resolve("cv-reports").toAbsolutePath().toString());
        Warehouse tables = new Warehouse(warehouse.toString());
        String target = loaded.dataset().targets().get(0).column();
        TrainConfig base = loaded.train();
        Stopwatch stopwatch = new Stopwatch(spark, log);
        Set<String> chosen = new LinkedHashSet<>();
        List<Timings> timings = new ArrayList<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (int parallelism : new int[] {1, 2}) {
            // the default grids and folds: the sample's own train section trims them
            TrainConfig train = new TrainConfig(base.testRatio(), null, base.seed(), parallelism, base.metric(), base.exclude(), base.models(),
                    null, base.balance(), base.dropClasses(), base.maxClasses(), base.maxCategories(), null);
            timings.add(stopwatch.measure("parallelism " + parallelism, () -> chosen.add(
                    TrainStage.searchOnly(spark, loaded, tables, RUN, target, train, quiet)), runs, warmups));
        }
        String notes = "target " + target + ", default grids, 5 folds; chosen model(s): " + String.join(" / ", chosen)
                + (chosen.size() == 1 ? " (the same with both settings)" : " (DIFFERENT)");
        return List.of(new Comparison("grid search + final fit, parallelism 2 vs 1", timings.get(1), timings.get(0), 1 / 1.5, notes));
    }

    /** The sample loaded (ingest to load) once into the benchmarks' folder; its warehouse. */
    static Path loadSample(SparkSession spark, Path data, Path config, PrintStream log) {
        Path warehouse = data.resolve("cv-warehouse").toAbsolutePath();
        PipelineConfig loaded = io.datapilot.core.config.ConfigLoader.load(config);
        if (!DeltaIO.exists(spark, new Warehouse(warehouse.toString()).table(Layer.SILVER, loaded.dataset().name()))) {
            int code = io.datapilot.Datapilot.execute(new String[] {"run", "--only", "ingest,profile,quality_gate,clean,load", "--config",
                    config.toString(), "--warehouse", warehouse.toString(), "--reports-dir", data.resolve("cv-reports").toString(),
                    "--run-date", RUN.toString()}, new PrintStream(OutputStream.nullOutputStream()), log);
            if (code != 0) {
                throw new IllegalStateException("Cannot load the sample for the benchmark (exit code " + code + ")");
            }
        }
        return warehouse;
    }
}
