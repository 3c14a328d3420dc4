package io.datapilot.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
@org.junit.jupiter.api.Tag("slow")
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
     *       (first tree on the labels with weight 1, no Newton step in the leaves; no randomness:
     *       subsampling is 1): measured −0,071 accuracy on cancer_sein and +10,2 % RMSE on diabete with
     *       MLlib's 32 bins, +11,1 % on diabete with datapilot's 1 024 ({@link ModelKind#BOOSTING_MAX_BINS},
     *       which fixed the sample's regression target, not this gap). A gap to investigate, not noise;
     *       the bound (0,08 / 12 %) only stops it from growing.</li>
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
                + " (apt-get install python3-sklearn, or scripts/reference/setup as root)");
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
        List<Row> leaderboard = table(spark, warehouse, "gold/leaderboard").where("target = '" + target + "'")
                .select("model", "task", "metric", "best_params", "cv_mean", "cv_std", "test_accuracy", "test_f1_macro", "test_rmse",
                        "test_mae", "test_r2", "training_seconds").collectAsList();
        String task = leaderboard.get(0).getString(1);
        String metric = leaderboard.get(0).getString(2);

        // the rows, split, folds and spec as the benchmark writes them, then the script
        ScikitLearnComparison.Exported exported = ScikitLearnComparison.export(spark, pipeline,
                new io.datapilot.core.delta.Warehouse(warehouse.toString()), java.time.LocalDate.parse(RUN_DATE), target, folder);
        List<String> numeric = exported.numeric();
        List<String> categorical = exported.categorical();
        assertThat(numeric.size() + categorical.size()).as("features of " + name).isPositive();
        Path rows = exported.rows();
        Path spec = exported.spec();
        Path result = folder.resolve("sklearn.json");
        JsonNode sklearn = ScikitLearnComparison.run(Paths.root(), exported, result);

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
