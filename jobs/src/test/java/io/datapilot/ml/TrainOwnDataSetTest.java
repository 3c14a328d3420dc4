package io.datapilot.ml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapilot.Datapilot;
import io.datapilot.ml.scorer.LocalScorer;
import io.datapilot.ml.scorer.Prediction;
import io.datapilot.testing.Paths;
import io.datapilot.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data set described only by its own config (flats for sale: a price and a quick sale to
 * predict) through the CLI: checks, split, grids, leaderboard, final models with model.json, model
 * card and local scorer, an idempotent rerun, and {@code predict} on a French CSV file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Tag("slow")
class TrainOwnDataSetTest {
    private static final Path CONFIG = Paths.resource("datasets/logements/pipeline.yaml");
    private static final LocalDate RUN = LocalDate.of(2025, 1, 6);
    private Path warehouse;
    private Path reports;
    private String log;

    @BeforeAll
    void train() {
        // one run of the data set per test JVM, shared with the report's models page test
        io.datapilot.testing.Logements.Run run = io.datapilot.testing.Logements.run();
        warehouse = run.warehouse();
        reports = run.reports();
        log = run.log();
    }

    private record Outcome(int code, String out, String err) {}

    private Outcome run(String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--config", CONFIG.toString(),
                "--warehouse", warehouse.toString(), "--reports-dir", reports.toString(), "--run-date", RUN.toString())).toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Datapilot.execute(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Dataset<Row> gold(String table) {
        return TestSpark.session().read().format("delta").load(warehouse.resolve("gold").resolve(table).toString());
    }

    private Path model(String target) {
        return warehouse.resolve("models/ventes_logements").resolve(target).resolve(RUN.toString());
    }

    @Test
    @Order(1)
    void decidesTheTaskOfATargetWithoutKindAndSplitsStratified() {
        assertThat(log).contains("vendu_en_30_jours: auto: classification (true / false values)").contains("prix_eur: declared regression");
        List<Row> sets = gold("ml_split").where("target = 'vendu_en_30_jours'").groupBy("set").count().orderBy("set").collectAsList();
        long test = sets.get(0).getLong(1);
        long train = sets.get(1).getLong(1);
        assertThat(train + test).isEqualTo(400);
        assertThat((double) test / (train + test)).isBetween(0.19, 0.21);
        // stratified: each class's share is the same in both sets (to a row)
        List<Row> byClass = TestSpark.session().read().format("delta").load(warehouse.resolve("silver/ventes_logements").toString())
                .selectExpr("reference AS key", "CAST(vendu_en_30_jours AS STRING) AS classe")
                .join(gold("ml_split").where("target = 'vendu_en_30_jours'"), "key").groupBy("set", "classe").count().collectAsList();
        Map<String, Long> counts = new HashMap<>();
        byClass.forEach(row -> counts.put(row.getString(0) + "/" + row.getString(1), row.getLong(2)));
        double trainShare = (double) counts.get("train/true") / train;
        double testShare = (double) counts.get("test/true") / test;
        assertThat(Math.abs(trainShare - testShare)).isLessThan(1.0 / test);
        // folds 0..2 on the training rows only, balanced
        List<Row> folds = gold("ml_split").where("target = 'vendu_en_30_jours' AND set = 'train'").groupBy("fold").count().orderBy("fold")
                .collectAsList();
        assertThat(folds).extracting(row -> row.getInt(0)).containsExactly(0, 1, 2);
        assertThat(folds).allSatisfy(row -> assertThat(row.getLong(1)).isBetween(train / 3 - 2, train / 3 + 2));
    }

    @Test
    @Order(2)
    void keepsEveryCombinationAndRanksTheModelsOnTheLeaderboard() {
        // ridge 2 + lasso 2 + random forest 1 + knn 2 + tree 2 for the price; knn 2 + random forest 1 + logistic 2 + tree 2 for the sale
        assertThat(gold("cv_results").where("target = 'prix_eur'").count()).isEqualTo(9);
        assertThat(gold("cv_results").where("target = 'vendu_en_30_jours'").count()).isEqualTo(7);
        List<Row> board = gold("leaderboard").where("target = 'prix_eur'").orderBy("rank").collectAsList();
        assertThat(board).extracting(row -> row.<String>getAs("model")).containsExactlyInAnyOrder("ridge", "lasso", "random_forest", "knn",
                "decision_tree");
        assertThat(board.get(0).<Boolean>getAs("chosen")).isTrue();
        assertThat(board).allSatisfy(row -> {
            assertThat(row.<Double>getAs("cv_std")).isGreaterThan(0);
            assertThat(row.<Double>getAs("test_rmse")).isPositive();
            assertThat(row.<Double>getAs("test_r2")).isLessThanOrEqualTo(1);
        });
        // the price is learnt: the best model explains most of the variance of the test rows
        assertThat(board.get(0).<Double>getAs("test_r2")).isGreaterThan(0.8);
        assertThat(log).contains("Not trained for this target: logistic_regression (not a regression model).")
                .contains("Not trained for this target: ridge (not a classification model), lasso (not a classification model).");
        List<Row> sale = gold("leaderboard").where("target = 'vendu_en_30_jours'").orderBy("rank").collectAsList();
        assertThat(sale).extracting(row -> row.<String>getAs("model")).doesNotContain("ridge", "lasso");
        assertThat(sale).allSatisfy(row -> assertThat(row.<Double>getAs("test_roc_auc")).isBetween(0.0, 1.0));
        assertThat(gold("model_details").where("target = 'vendu_en_30_jours' AND section = 'confusion'").count()).isEqualTo(4 * 4);
        assertThat(gold("ml_features").where("target = 'prix_eur' AND NOT used").collectAsList())
                .extracting(row -> row.<String>getAs("column") + ": " + row.<String>getAs("reason"))
                .contains("reference: identifier (key of the data set)", "vendu_en_30_jours: another target");
    }

    @Test
    @Order(3)
    void savesTheFinalModelWithItsDescriptionCardAndAScorerEqualToSpark() throws Exception {
        Path folder = model("prix_eur");
        JsonNode json = new ObjectMapper().readTree(folder.resolve("model.json").toFile());
        assertThat(json.get("target").asText()).isEqualTo("prix_eur");
        assertThat(json.get("task").asText()).isEqualTo("regression");
        assertThat(json.get("rows").get("final_model").asLong()).isEqualTo(400);
        assertThat(json.get("table_version").asLong()).isNotNegative();
        assertThat(json.get("residuals").get("p05").asDouble()).isLessThan(json.get("residuals").get("p95").asDouble());
        JsonNode surface = null;
        JsonNode listed = null;
        for (JsonNode feature : json.get("features")) {
            if (feature.get("column").asText().equals("surface_m")) {
                surface = feature;
            } else if (feature.get("kind").asText().equals("date")) {
                listed = feature;
            }
        }
        // a date's typical value (the web application's explanations) is the median of its days, inside its range
        assertThat(listed.get("median").asText()).isBetween(listed.get("min").asText().substring(0, 10), listed.get("max").asText());
        assertThat(surface).isNotNull();
        assertThat(surface.get("label").asText()).isEqualTo("Surface (m²)");
        assertThat(Double.parseDouble(surface.get("min").asText())).isGreaterThanOrEqualTo(18);
        assertThat(Files.readString(folder.resolve("model_card.md"))).contains("## Usages exclus et limites").contains("art. 22")
                .contains("## Équité").contains("Par groupe de");
        assertThat(folder.resolve("scorer.json")).exists();
        // the local scorer gives the saved pipeline's predictions on the data set's rows
        LocalScorer scorer = LocalScorer.load(folder);
        Dataset<Row> rows = TestSpark.session().read().format("delta").load(warehouse.resolve("silver/ventes_logements").toString()).limit(50);
        List<Row> spark = ModelStore.loadPipeline(folder.toString()).transform(rows).select("prediction").collectAsList();
        List<Row> inputs = rows.collectAsList();
        for (int i = 0; i < inputs.size(); i++) {
            Map<String, Object> values = new HashMap<>();
            Row row = inputs.get(i);
            for (String name : row.schema().fieldNames()) {
                Object value = row.getAs(name);
                values.put(name, value instanceof java.sql.Date date ? date.toLocalDate() : value);
            }
            Prediction prediction = scorer.score(values);
            assertThat(prediction.value()).isCloseTo(spark.get(i).getDouble(0), org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    @Order(4)
    void aRerunOfTheSameDateReplacesItsModelAndRows() throws Exception {
        long rows = gold("leaderboard").count();
        Outcome again = run("train");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(gold("leaderboard").count()).isEqualTo(rows);
        assertThat(gold("ml_split").count()).isEqualTo(800);
        try (var versions = Files.list(model("prix_eur").getParent())) {
            assertThat(versions.map(path -> path.getFileName().toString()).toList()).containsExactly(RUN.toString());
        }
    }

    @Test
    @Order(5)
    void predictScoresAFrenchCsvFileWithTheSavedModel(@TempDir Path out) throws Exception {
        Path input = Paths.resource("datasets/logements/a_estimer.csv");
        Path result = out.resolve("estimations.csv");
        Outcome outcome = run("predict", "--target", "vendu_en_30_jours", "--input", input.toString(), "--output", result.toString());
        assertThat(outcome.code()).as(outcome.err()).isZero();
        List<String> lines = Files.readAllLines(result, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).contains("reference").contains("prediction_vendu_en_30_jours").contains("probabilite_true");
        assertThat(lines.get(1)).contains("N001");
        assertThat(lines.subList(1, 13)).allSatisfy(line -> assertThat(line).containsAnyOf(";true;", ";false;"));
        // the same rows read from the windows-1252 file: 12 predictions, probabilities with a decimal comma
        assertThat(Files.readString(input, Charset.forName("windows-1252"))).contains("Vénissieux");
        assertThat(lines.get(1)).matches(".*;0,\\d+.*");
    }
}
