package io.datapilot.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datapilot.Datapilot;
import io.datapilot.core.config.ConfigLoader;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.testing.Paths;
import io.datapilot.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * datapilot's trained models against scikit-learn's on four public data sets (iris, wine, breast
 * cancer, diabetes, written as a French client sends them by datasets/make_sklearn_sets.py): the
 * pipeline runs up to {@code train}; the rows it trained on (as the tuned table holds them, cast
 * to double as the feature pipeline does) are exported with their set and fold from
 * {@code gold.ml_split}, and scripts/reference/sklearn_reference.py fits the same models on the same
 * grids and folds. Each model's metrics must be within the bounds of {@link #compare} of scikit-learn's.
 * The figures of every run go to {@code target/reference-comparison/<set>.md} (docs/BENCHMARKS.md,
 * "Comparaison avec scikit-learn").
 */
class ReferenceComparisonTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String RUN_DATE = "2025-01-15";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What is compared for each model, and the difference allowed: accuracy points (classification)
     * or relative RMSE (regression). Measured on this fixture set, every figure in
     * docs/BENCHMARKS.md ("Comparaison avec scikit-learn"):
     *
     * <ul>
     *   <li>logistic regression, lasso, ridge, elastic net, KNN: the same estimator on the same rows
     *       (penalties translated), so the best model's test metric within 0,02 / 5 %; measured:
     *       identical to 4 decimals, elastic net 0,1 % (a near tie of its grid picks another λ);</li>
     *   <li>decision tree: MLlib splits on at most 32 quantile bins, scikit-learn on every threshold,
     *       so cross-validated scores differ a little and the grid search can pick another
     *       combination (cancer_sein: depth 3 against 5). Compared at datapilot's own parameters:
     *       0,03 (one of the 36 test rows of vins is 0,028) / 5 %; measured 0 to 0,028, 0,9 %;</li>
     *   <li>random forest and perceptron draw at random with other generators (bootstrap samples,
     *       feature subsets, initial weights): the cross-validated means within 0,03 / 5 % (measured
     *       at most 0,021, 0,7 %), the test metric within 0,07 / 5 % (measured: the perceptron 2 of
     *       the 30 test rows of iris, 0,067; forests at most 0,028, 2,1 %);</li>
     *   <li>gradient boosting: MLlib's GBT is clearly behind scikit-learn's GradientBoosting here
     *       (no Newton step in the leaves, 32 bins; no randomness: subsampling is 1): measured −0,071
     *       accuracy on cancer_sein and +10,2 % RMSE on diabete. A gap to investigate, not noise; the
     *       bound (0,08 / 12 %) only stops it from growing.</li>
     * </ul>
     */
    static List<String> compare(String set, String model, boolean regression, double testOurs, double testTheirs,
            double testSameParams, double cvOurs, double cvTheirs) {
        List<String> failures = new ArrayList<>();
        switch (model) {
            case "decision_tree" -> check(failures, set, model, "test at datapilot's parameters", testOurs, testSameParams, regression,
                    regression ? 0.05 : 0.03);
            case "random_forest", "mlp" -> {
                check(failures, set, model, "CV mean", cvOurs, cvTheirs, regression, regression ? 0.05 : 0.03);
                check(failures, set, model, "test", testOurs, testTheirs, regression, regression ? 0.05 : 0.07);
            }
            case "gradient_boosting" -> check(failures, set, model, "test", testOurs, testTheirs, regression, regression ? 0.12 : 0.08);
            default -> check(failures, set, model, "test", testOurs, testTheirs, regression, regression ? 0.05 : 0.02);
        }
        return failures;
    }

    private static void check(List<String> failures, String set, String model, String what, double ours, double theirs,
            boolean regression, double allowed) {
        double difference = regression ? Math.abs(ours - theirs) / theirs : Math.abs(ours - theirs);
        if (!(difference <= allowed)) {
            failures.add(String.format(Locale.ROOT, "%s/%s %s: datapilot %.4f, scikit-learn %.4f (allowed %s %.3f)", set, model, what,
                    ours, theirs, regression ? "relative" : "absolute", allowed));
        }
    }

    record Outcome(int code, String out, String err) {}

    /**
     * The data sets compared: iris (three classes) and diabete (regression) by default, to keep the suite short; every
     * set with {@code -Ddatapilot.reference.sets=iris,vins,cancer_sein,diabete} (how docs/BENCHMARKS.md's table is made).
     */
    static java.util.stream.Stream<String> sets() {
        return java.util.Arrays.stream(System.getProperty("datapilot.reference.sets", "iris,diabete").split(",")).map(String::strip);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("sets")
    void trainedModelsScoreAsScikitLearnsOnTheSameRowsAndFolds(String name, @TempDir Path folder) throws Exception {
        assumeTrue(sklearnInstalled(), "scikit-learn is not importable by " + PYTHON + ": install Debian's python3-sklearn"
                + " (apt-get install python3-sklearn, or scripts/a11y/setup as root)");
        Path config = Paths.resource("datasets/" + name + "/pipeline.yaml");
        Path warehouse = folder.resolve("warehouse");
        long started = System.nanoTime();
        Outcome outcome = datapilot("run", "--only", "ingest,profile,quality_gate,clean,load,train", "--config", config.toString(),
                "--run-date", RUN_DATE, "--warehouse", warehouse.toString(), "--reports-dir", folder.resolve("reports").toString());
        double pipelineSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(outcome.code()).as(outcome.err()).isZero();

        PipelineConfig pipeline = ConfigLoader.load(config);
        String target = pipeline.dataset().targets().get(0).column();
        SparkSession spark = TestSpark.session();
        List<Row> features = table(spark, warehouse, "gold/ml_features").where("used AND target = '" + target + "'")
                .select("column", "kind").collectAsList();
        List<String> numeric = new ArrayList<>();
        List<String> categorical = new ArrayList<>();
        for (Row feature : features) {
            (feature.getString(1).equals("categorical") ? categorical : numeric).add(feature.getString(0));
        }
        assertThat(features).as("features of " + name).isNotEmpty();
        List<Row> leaderboard = table(spark, warehouse, "gold/leaderboard").where("target = '" + target + "'")
                .select("model", "task", "metric", "best_params", "cv_mean", "cv_std", "test_accuracy", "test_f1_macro", "test_rmse",
                        "test_mae", "test_r2", "training_seconds").collectAsList();
        String task = leaderboard.get(0).getString(1);
        String metric = leaderboard.get(0).getString(2);

        Path rows = folder.resolve("rows.csv");
        export(spark, warehouse, pipeline, target, numeric, categorical, rows);
        Path spec = folder.resolve("spec.json");
        JSON.writeValue(spec.toFile(), spec(pipeline, task, target, metric, numeric, categorical,
                leaderboard.stream().map(row -> row.getString(0)).toList()));
        Path result = folder.resolve("sklearn.json");
        Process process = new ProcessBuilder(PYTHON, Paths.root().resolve("scripts/reference/sklearn_reference.py").toString(),
                "--spec", spec.toString(), "--data", rows.toString(), "--out", result.toString())
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(log).isZero();
        JsonNode sklearn = JSON.readTree(result.toFile());

        List<String> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        boolean regression = task.equals("regression");
        lines.add("| " + name + " | model | datapilot test " + (regression ? "RMSE" : "accuracy") + " | scikit-learn | difference"
                + " | datapilot CV " + metric + " | scikit-learn CV | same params: scikit-learn test | datapilot params | scikit-learn"
                + " params | datapilot s | scikit-learn s |");
        for (Row row : leaderboard) {
            String model = row.getString(0);
            JsonNode reference = sklearn.path("models").path(model);
            assertThat(reference.isMissingNode()).as("scikit-learn result of " + model).isFalse();
            String testName = regression ? "rmse" : "accuracy";
            double ours = regression ? row.getDouble(8) : row.getDouble(6);
            double theirs = reference.path("test").path(testName).asDouble();
            Map<String, String> ourParams = params(row.getString(3));
            JsonNode samePoint = point(reference, ourParams);
            double same = samePoint == null ? Double.NaN : samePoint.path("test").path(testName).asDouble();
            double difference = regression ? (ours - theirs) / theirs : ours - theirs;
            lines.add(String.format(Locale.ROOT, "| | %s | %.4f | %.4f | %s | %.4f ± %.4f | %.4f ± %.4f | %.4f | %s | %s | %.1f | %.1f |",
                    model, ours, theirs, regression ? String.format(Locale.ROOT, "%+.1f %%", 100 * difference)
                            : String.format(Locale.ROOT, "%+.4f", difference),
                    row.getDouble(4), row.getDouble(5), reference.path("cv_mean").asDouble(), reference.path("cv_std").asDouble(), same,
                    ourParams, new TreeMap<>(params(reference.path("best_params"))), row.getDouble(11), reference.path("seconds").asDouble()));
            // the CV metric is the primary one (accuracy, RMSE here), as the test metric compared
            failures.addAll(compare(name, model, regression, ours, theirs, same, row.getDouble(4), reference.path("cv_mean").asDouble()));
        }
        lines.add(String.format(Locale.ROOT, "(%s: %d train / %d test rows, %d numeric + %d categorical features, whole pipeline %.0f s,"
                + " scikit-learn %s %.1f s)", name, sklearn.path("rows").path("train").asInt(), sklearn.path("rows").path("test").asInt(),
                numeric.size(), categorical.size(), pipelineSeconds, sklearn.path("sklearn").asText(), sklearn.path("seconds").asDouble()));
        report(name, lines, List.of(rows, spec, result));
        assertThat(failures).as(String.join("\n", lines)).isEmpty();
    }

    private static Dataset<Row> table(SparkSession spark, Path warehouse, String name) {
        return spark.read().format("delta").load(warehouse.resolve(name).toString()).where("_run_date = DATE'" + RUN_DATE + "'");
    }

    /** The tuned data set's rows with their set and fold, features cast to double as FeaturePipeline casts them. */
    private static void export(SparkSession spark, Path warehouse, PipelineConfig pipeline, String target, List<String> numeric,
            List<String> categorical, Path file) throws IOException {
        List<String> keys = pipeline.source(pipeline.dataset().base()).key();
        Dataset<Row> data = table(spark, warehouse, "silver/" + pipeline.dataset().name());
        Column key = functions.concat_ws("|", keys.stream().map(k -> functions.col(k).cast("string")).toArray(Column[]::new));
        Dataset<Row> split = table(spark, warehouse, "gold/ml_split").where("target = '" + target + "'").select("key", "set", "fold");
        List<Column> columns = new ArrayList<>();
        numeric.forEach(column -> columns.add(functions.col(column).cast("double").as(column)));
        categorical.forEach(column -> columns.add(functions.col(column).cast("string").as(column)));
        columns.add(functions.col(target).cast("string").as(target));
        columns.add(functions.col("set"));
        columns.add(functions.col("fold"));
        List<Row> rows = data.withColumn("__key", key).join(split, functions.col("__key").equalTo(split.col("key")))
                .orderBy("__key").select(columns.toArray(Column[]::new)).collectAsList();
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(numeric);
        header.addAll(categorical);
        header.addAll(List.of(target, "set", "fold"));
        csv.append(String.join(",", header.stream().map(ReferenceComparisonTest::field).toList())).append('\n');
        for (Row row : rows) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                fields.add(row.isNullAt(i) ? "" : field(String.valueOf(row.get(i))));
            }
            csv.append(String.join(",", fields)).append('\n');
        }
        assertThat(rows).as("rows of the split").isNotEmpty();
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    private static String field(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static ObjectNode spec(PipelineConfig pipeline, String task, String target, String metric, List<String> numeric,
            List<String> categorical, List<String> models) {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("task", task).put("target", target).put("metric", metric).put("seed", pipeline.train().seed());
        spec.set("numeric", JSON.valueToTree(numeric));
        spec.set("categorical", JSON.valueToTree(categorical));
        spec.set("models", JSON.valueToTree(models));
        Map<String, Map<String, List<Object>>> grids = new LinkedHashMap<>();
        for (String model : models) {
            grids.put(model, Grids.grid(ModelKind.of(model).orElseThrow(), pipeline.train().grids()));
        }
        spec.set("grids", JSON.valueToTree(grids));
        // FeaturePipeline: every known label gets a one-hot slot (the unseen-label bucket is the dropped one), and the scaler comes
        // after the assembler, so one-hot slots are standardised too
        spec.put("one_hot_drop", "none").put("scale_one_hot", true);
        spec.set("scaled_models", JSON.valueToTree(java.util.Arrays.stream(ModelKind.values()).filter(ModelKind::scaled)
                .map(ModelKind::key).toList()));
        return spec;
    }

    /** {@code k=5, weighting=uniform} as a map of normalised texts. */
    static Map<String, String> params(String text) {
        Map<String, String> params = new TreeMap<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (c == ',' && depth == 0) {
                String pair = text.substring(start, i).trim();
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    params.put(pair.substring(0, equals).trim(), normalised(pair.substring(equals + 1).trim()));
                }
                start = i + 1;
            }
        }
        return params;
    }

    private static Map<String, String> params(JsonNode node) {
        Map<String, String> params = new TreeMap<>();
        node.fields().forEachRemaining(entry -> params.put(entry.getKey(), normalised(entry.getValue().isArray()
                ? entry.getValue().toString().replace(",", ", ") : entry.getValue().asText())));
        return params;
    }

    private static String normalised(String value) {
        try {
            double number = Double.parseDouble(value);
            return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
        } catch (NumberFormatException e) {
            return value.replace(" ", "");
        }
    }

    /** scikit-learn's grid point with datapilot's chosen parameters. */
    private static JsonNode point(JsonNode reference, Map<String, String> chosen) {
        for (JsonNode point : reference.path("grid")) {
            if (params(point.path("params")).equals(chosen)) {
                return point;
            }
        }
        return null;
    }

    /** The figures, and the rows, spec and scikit-learn's answer to rerun the script by hand. */
    private static void report(String name, List<String> lines, List<Path> files) throws IOException {
        Path folder = Path.of("target", "reference-comparison");
        Files.createDirectories(folder.resolve(name));
        Files.write(folder.resolve(name + ".md"), lines, StandardCharsets.UTF_8);
        for (Path file : files) {
            Files.copy(file, folder.resolve(name).resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        lines.forEach(System.out::println);
    }

    private static boolean sklearnInstalled() {
        try {
            return new ProcessBuilder(PYTHON, "-c", "import numpy, sklearn").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Outcome datapilot(String... args) {
        TestSpark.session();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Datapilot.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
