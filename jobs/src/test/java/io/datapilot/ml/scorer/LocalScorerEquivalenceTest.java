package io.datapilot.ml.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.ml.features.FeaturePipeline;
import io.datapilot.ml.knn.KnnClassifier;
import io.datapilot.ml.knn.KnnRegressor;
import io.datapilot.ml.scorer.export.ScorerExport;
import io.datapilot.testing.TestSpark;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Predictor;
import org.apache.spark.ml.classification.DecisionTreeClassifier;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.regression.DecisionTreeRegressor;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.RandomForestRegressor;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every model kind: fit the feature stages and the model, export, load without Spark, and
 * score a held-out set (with nulls, absent columns, an unseen region, dates as text) row by row:
 * the same predictions as PipelineModel.transform.
 */
class LocalScorerEquivalenceTest {
    static final SparkSession SPARK = TestSpark.session();
    static final Dataset<Row> TRAIN = ScorerFixtures.rows(SPARK, 400, 1, false).cache();
    static final Dataset<Row> HELD_OUT = ScorerFixtures.rows(SPARK, 150, 2, true).cache();
    static final double TOLERANCE = 1e-9;

    @TempDir
    Path folder;

    @Test
    void lassoRegression() {
        regression(new LinearRegression().setRegParam(0.05).setElasticNetParam(1.0), true);
    }

    @Test
    void ridgeRegression() {
        regression(new LinearRegression().setRegParam(0.05).setElasticNetParam(0.0), true);
    }

    @Test
    void elasticNetRegressionOnUnscaledFeatures() {
        regression(new LinearRegression().setRegParam(0.05).setElasticNetParam(0.5), false);
    }

    @Test
    void binaryLogisticRegression() {
        binary(new LogisticRegression().setRegParam(0.01), true);
    }

    @Test
    void multinomialLogisticRegression() {
        threeClasses(new LogisticRegression().setFamily("multinomial").setRegParam(0.01), true);
    }

    @Test
    void decisionTreeClassifier() {
        threeClasses(new DecisionTreeClassifier().setMaxDepth(5).setSeed(3), false);
    }

    @Test
    void decisionTreeRegressor() {
        regression(new DecisionTreeRegressor().setMaxDepth(5).setSeed(3), false);
    }

    @Test
    void randomForestClassifier() {
        threeClasses(new RandomForestClassifier().setNumTrees(15).setMaxDepth(4).setSeed(3), false);
    }

    @Test
    void randomForestRegressorOnScaledFeatures() {
        regression(new RandomForestRegressor().setNumTrees(15).setMaxDepth(4).setSeed(3), true);
    }

    @Test
    void gradientBoostedTreesClassifier() {
        binary(new GBTClassifier().setMaxIter(15).setMaxDepth(3).setSeed(3), false);
    }

    @Test
    void gradientBoostedTreesRegressor() {
        regression(new GBTRegressor().setMaxIter(15).setMaxDepth(3).setSeed(3), false);
    }

    @Test
    void multilayerPerceptronClassifier() {
        int size = featureCount(true);
        threeClasses(new MultilayerPerceptronClassifier().setLayers(new int[] {size, 6, 3}).setMaxIter(60).setSeed(3), true);
    }

    @Test
    void knnClassifier() {
        classification(new KnnClassifier().setK(7).setFeaturesCol(FeaturePipeline.FEATURES).setLabelCol("cible_trois"),
                "cible_trois", List.of("bas", "moyen", "haut"), true);
    }

    @Test
    void knnClassifierWeightedByManhattanDistance() {
        classification(new KnnClassifier().setK(5).setDistance("manhattan").setWeighting("distance")
                .setFeaturesCol(FeaturePipeline.FEATURES).setLabelCol("cible_binaire"), "cible_binaire", List.of("non", "oui"), true);
    }

    @Test
    void knnRegressor() {
        regression(new KnnRegressor().setK(5).setWeighting("distance").setFeaturesCol(FeaturePipeline.FEATURES)
                .setLabelCol("cible_nombre"), true);
    }

    private void regression(Predictor<?, ?, ?> model, boolean scaled) {
        regression((PipelineStage) model.setFeaturesCol(FeaturePipeline.FEATURES).setLabelCol("cible_nombre"), scaled);
    }

    private void regression(PipelineStage model, boolean scaled) {
        Compared compared = compare(model, ScorerFile.REGRESSION, List.of(), scaled);
        for (int i = 0; i < compared.rows.size(); i++) {
            double expected = compared.rows.get(i).getDouble(0);
            Prediction actual = compared.scored.get(i);
            assertThat(relative(actual.value(), expected)).as("row %d: %s vs %s", i, actual.value(), expected)
                    .isLessThanOrEqualTo(TOLERANCE);
            assertThat(actual.label()).isNull();
            assertThat(actual.probabilities()).isNull();
        }
    }

    private void binary(Predictor<?, ?, ?> model, boolean scaled) {
        classification(model, "cible_binaire", List.of("non", "oui"), scaled);
    }

    private void threeClasses(Predictor<?, ?, ?> model, boolean scaled) {
        classification(model, "cible_trois", List.of("bas", "moyen", "haut"), scaled);
    }

    private void classification(Predictor<?, ?, ?> model, String target, List<String> labels, boolean scaled) {
        classification((PipelineStage) model.setFeaturesCol(FeaturePipeline.FEATURES).setLabelCol(target), target, labels, scaled);
    }

    private void classification(PipelineStage model, String target, List<String> labels, boolean scaled) {
        Compared compared = compare(model, ScorerFile.CLASSIFICATION, labels, scaled);
        for (int i = 0; i < compared.rows.size(); i++) {
            Row row = compared.rows.get(i);
            Prediction actual = compared.scored.get(i);
            assertThat(actual.value()).as("row %d", i).isEqualTo(row.getDouble(0));
            assertThat(actual.label()).isEqualTo(labels.get((int) row.getDouble(0)));
            double[] expected = ((Vector) row.get(1)).toArray();
            assertThat(actual.probabilities()).hasSize(expected.length);
            for (int k = 0; k < expected.length; k++) {
                assertThat(Math.abs(actual.probabilities()[k] - expected[k])).as("row %d class %d", i, k)
                        .isLessThanOrEqualTo(TOLERANCE);
            }
        }
        // the held-out set is not scored into one class only
        assertThat(compared.scored.stream().map(Prediction::label).distinct().count()).isGreaterThan(1);
    }

    private record Compared(List<Row> rows, List<Prediction> scored) {}

    private Compared compare(PipelineStage model, String task, List<String> labels, boolean scaled) {
        List<PipelineStage> stages = new ArrayList<>(FeaturePipeline.stages(ScorerFixtures.FEATURES, scaled));
        stages.add(model);
        PipelineModel fitted = new Pipeline().setStages(stages.toArray(PipelineStage[]::new)).fit(TRAIN);
        ScorerExport.write(SPARK, fitted, ScorerFixtures.FEATURES, task, labels, folder.toString());
        LocalScorer scorer = LocalScorer.load(folder);
        assertThat(scorer.features()).isEqualTo(ScorerFixtures.FEATURES);

        Dataset<Row> transformed = fitted.transform(HELD_OUT);
        List<Row> expected = ScorerFile.CLASSIFICATION.equals(task)
                ? transformed.select(FeaturePipeline.PREDICTION, FeaturePipeline.PROBABILITY).collectAsList()
                : transformed.select(FeaturePipeline.PREDICTION).collectAsList();
        List<Row> inputs = HELD_OUT.collectAsList();
        ZoneId zone = ZoneId.of(SPARK.conf().get("spark.sql.session.timeZone"));
        List<Prediction> scored = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            scored.add(scorer.score(ScorerFixtures.request(inputs.get(i), i, zone)));
        }
        return new Compared(expected, scored);
    }

    static int featureCount(boolean scaled) {
        PipelineModel features = new Pipeline()
                .setStages(FeaturePipeline.stages(ScorerFixtures.FEATURES, scaled).toArray(PipelineStage[]::new)).fit(TRAIN);
        return ((Vector) features.transform(TRAIN).select(FeaturePipeline.FEATURES).first().get(0)).size();
    }

    static double relative(double actual, double expected) {
        return actual == expected ? 0 : Math.abs(actual - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
    }
}
