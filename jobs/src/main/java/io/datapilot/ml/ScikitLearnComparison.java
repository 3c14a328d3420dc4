package io.datapilot.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * scikit-learn's {@code GridSearchCV} with the same models, grids and folds on the same rows as a
 * trained target (scripts/reference/sklearn_reference.py, run with Debian's /usr/bin/python3): the
 * rows of the tuned data set with their set and fold from {@code gold.ml_split}, dates turned into
 * the feature pipeline's three numbers, the features {@code gold.ml_features} kept. For the
 * benchmarks: it reads tables, never writes one.
 */
public final class ScikitLearnComparison {
    /** One model on both sides. */
    public record Model(String model, double ours, double theirs, double oursCv, double theirsCv) {}

    /** A target's comparison and scikit-learn's own time. */
    public record Outcome(String target, String task, String metric, List<Model> models, double sklearnSeconds, String sklearnVersion,
            int trainRows, int testRows) {}

    /** A target's rows and spec written for the script, with what datapilot's leaderboard says of it. */
    public record Exported(Path rows, Path spec, String task, String metric, List<String> numeric, List<String> categorical,
            List<Row> leaderboard) {}

    private ScikitLearnComparison() {}

    /**
     * The tuned data set's rows of a trained target with their set and fold (gold.ml_split), the used features
     * (gold.ml_features; dates as the feature pipeline's three numbers), written as CSV, and the spec of the same
     * models, grids and folds; the rows are streamed to the file, never held on the driver at once.
     */
    public static Exported export(SparkSession spark, PipelineConfig config, Warehouse warehouse, LocalDate runDate, String target,
            Path scratch) throws IOException {
        Dataset<Row> features = DeltaIO.readRunDate(spark, warehouse.table(Layer.GOLD, "ml_features"), runDate)
                .where(functions.col("used").and(functions.col("target").equalTo(target)));
        List<String> numeric = new ArrayList<>();
        List<String> categorical = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (Row feature : features.select("column", "kind").collectAsList()) {
            String column = feature.getString(0);
            Column value = functions.col(io.datapilot.core.text.Names.quoted(column));
            switch (feature.getString(1)) {
                case "categorical" -> {
                    categorical.add(column);
                    columns.add(value.cast("string").as(column));
                }
                case "date" -> {
                    // the feature pipeline's rule: days since 1970-01-01, month, ISO weekday (a timestamp's day in the session time zone)
                    Column day = value.cast("date");
                    columns.add(functions.datediff(day, functions.lit("1970-01-01").cast("date")).cast("double").as(column + "__jours"));
                    columns.add(functions.month(day).cast("double").as(column + "__mois"));
                    columns.add(functions.weekday(day).plus(1).cast("double").as(column + "__jour_semaine"));
                    numeric.addAll(List.of(column + "__jours", column + "__mois", column + "__jour_semaine"));
                }
                default -> {
                    numeric.add(column);
                    columns.add(value.cast("double").as(column));
                }
            }
        }
        List<Row> board = DeltaIO.readRunDate(spark, warehouse.table(Layer.GOLD, "leaderboard"), runDate)
                .where(functions.col("target").equalTo(target)).orderBy("rank")
                .select("model", "task", "metric", "cv_mean", "test_accuracy", "test_rmse", "cv_std", "best_params", "test_f1_macro",
                        "test_mae", "test_r2", "training_seconds").collectAsList();
        if (board.isEmpty()) {
            throw new io.datapilot.core.DatapilotException(io.datapilot.core.ErrorKind.DATA, "Cannot compare " + target
                    + " with scikit-learn: gold.leaderboard has no model of it for run date " + runDate + ". Train it first"
                    + " (datapilot train).");
        }
        String task = board.get(0).getString(1);
        String metric = board.get(0).getString(2);
        List<String> keys = config.source(config.dataset().base()).key();
        Column key = functions.concat_ws("|", keys.stream().map(k -> functions.col(io.datapilot.core.text.Names.quoted(k)).cast("string"))
                .toArray(Column[]::new));
        Dataset<Row> split = DeltaIO.readRunDate(spark, warehouse.table(Layer.GOLD, "ml_split"), runDate)
                .where(functions.col("target").equalTo(target)).select("key", "set", "fold");
        columns.add(functions.col(io.datapilot.core.text.Names.quoted(target)).cast("string").as(target));
        columns.add(functions.col("set"));
        columns.add(functions.col("fold"));
        Dataset<Row> rows = DeltaIO.readRunDate(spark, warehouse.table(Layer.SILVER, config.dataset().name()), runDate)
                .withColumn("__key", key).join(split, functions.col("__key").equalTo(split.col("key"))).orderBy("__key")
                .select(columns.toArray(Column[]::new));
        List<String> names = new ArrayList<>();
        for (Column column : columns) {
            names.add(column.named().name());
        }
        Files.createDirectories(scratch);
        Path data = scratch.resolve(target + "-rows.csv");
        try (java.io.Writer out = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            out.write(String.join(",", names.stream().map(io.datapilot.query.Cells::csv).toList()) + "\n");
            java.util.Iterator<Row> iterator = rows.toLocalIterator();
            while (iterator.hasNext()) {
                Row row = iterator.next();
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    fields.add(io.datapilot.query.Cells.csv(row.get(i)));
                }
                out.write(String.join(",", fields) + "\n");
            }
        }
        ObjectNode spec = ModelDescription.JSON.createObjectNode();
        spec.put("task", task).put("target", target).put("metric", metric).put("seed", config.train().seed());
        spec.set("numeric", ModelDescription.JSON.valueToTree(numeric));
        spec.set("categorical", ModelDescription.JSON.valueToTree(categorical));
        List<String> models = board.stream().map(row -> row.getString(0)).toList();
        spec.set("models", ModelDescription.JSON.valueToTree(models));
        Map<String, Map<String, List<Object>>> grids = new LinkedHashMap<>();
        models.forEach(model -> grids.put(model, Grids.grid(ModelKind.of(model).orElseThrow(), config.train().grids())));
        spec.set("grids", ModelDescription.JSON.valueToTree(grids));
        spec.put("one_hot_drop", "none").put("scale_one_hot", true).put("parallelism", config.train().parallelism());
        spec.set("scaled_models", ModelDescription.JSON.valueToTree(java.util.Arrays.stream(ModelKind.values()).filter(ModelKind::scaled)
                .map(ModelKind::key).toList()));
        Path specFile = scratch.resolve(target + "-spec.json");
        ModelDescription.JSON.writeValue(specFile.toFile(), spec);
        return new Exported(data, specFile, task, metric, List.copyOf(numeric), List.copyOf(categorical), board);
    }

    /** Runs scripts/reference/sklearn_reference.py (below {@code root}) with Debian's /usr/bin/python3; its JSON answer. */
    public static JsonNode run(Path root, Exported exported, Path out) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/usr/bin/python3", root.resolve("scripts/reference/sklearn_reference.py").toString(),
                "--spec", exported.spec().toString(), "--data", exported.rows().toString(), "--out", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("scripts/reference/sklearn_reference.py failed: " + log);
        }
        return ModelDescription.JSON.readTree(out.toFile());
    }

    public static Outcome compare(SparkSession spark, PipelineConfig config, Warehouse warehouse, LocalDate runDate, String target,
            Path root, Path scratch) throws IOException, InterruptedException {
        Exported exported = export(spark, config, warehouse, runDate, target, scratch);
        JsonNode sklearn = run(root, exported, scratch.resolve(target + "-sklearn.json"));
        String task = exported.task();
        List<Row> board = exported.leaderboard();
        boolean regression = task.equals("regression");
        List<Model> compared = new ArrayList<>();
        for (Row row : board) {
            JsonNode reference = sklearn.path("models").path(row.getString(0));
            compared.add(new Model(row.getString(0), regression ? row.getDouble(5) : row.getDouble(4),
                    reference.path("test").path(regression ? "rmse" : "accuracy").asDouble(Double.NaN), row.getDouble(3),
                    reference.path("cv_mean").asDouble(Double.NaN)));
        }
        // the grid searches and their best refits, as datapilot times its own (not the script's extra refit of every grid point)
        return new Outcome(target, task, exported.metric(), compared, sklearn.path("search_seconds").asDouble(Double.NaN),
                sklearn.path("sklearn").asText(),
                sklearn.path("rows").path("train").asInt(), sklearn.path("rows").path("test").asInt());
    }
}
