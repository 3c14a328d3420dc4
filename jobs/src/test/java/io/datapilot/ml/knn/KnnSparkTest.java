package io.datapilot.ml.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapilot.core.DatapilotException;
import io.datapilot.testing.TestSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnnSparkTest {
    private static final StructType VECTORS = new StructType()
            .add("id", DataTypes.IntegerType)
            .add("features", SQLDataTypes.VectorType())
            .add("label", DataTypes.DoubleType);

    private final SparkSession spark = TestSpark.session();

    /** Rows {@code id, features, label} from a row-major matrix, in three partitions. */
    private Dataset<Row> vectors(double[] matrix, int d, double[] labels) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            rows.add(RowFactory.create(i, Vectors.dense(Arrays.copyOfRange(matrix, i * d, i * d + d)), labels[i]));
        }
        return spark.createDataFrame(rows, VECTORS).repartition(3);
    }

    /** Two uniform columns in [-1, 1]; the label says whether they sum above 0, flipped for a quarter of the rows. */
    private Dataset<Row> noisyHalfPlanes(int rows, long seed) {
        Random random = new Random(seed);
        List<Row> result = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            double a = random.nextDouble() * 2 - 1;
            double b = random.nextDouble() * 2 - 1;
            boolean positive = a + b > 0;
            boolean flipped = random.nextDouble() < 0.25;
            result.add(RowFactory.create(i, a * 100, b, positive != flipped ? 1.0 : 0.0));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("a", DataTypes.DoubleType)
                .add("b", DataTypes.DoubleType).add("label", DataTypes.DoubleType);
        return spark.createDataFrame(result, schema).repartition(2);
    }

    @Test
    void sparkModelsGiveTheNaiveLoopsPredictionsExactly() {
        Random random = new Random(7);
        int d = 4;
        double[] matrix = KnnKernelTest.randomMatrix(random, 300, d, false);
        double[] queries = KnnKernelTest.randomMatrix(random, 50, d, false);
        for (int classes : new int[] {2, 3}) {
            double[] labels = KnnKernelTest.randomLabels(random, 300, classes);
            Dataset<Row> training = vectors(matrix, d, labels);
            Dataset<Row> test = vectors(queries, d, new double[50]);
            for (KnnKernel.Distance distance : KnnKernel.Distance.values()) {
                for (KnnKernel.Weighting weighting : KnnKernel.Weighting.values()) {
                    KnnClassificationModel model = new KnnClassifier().setK(6).setDistance(distance.configName())
                            .setWeighting(weighting.configName()).fit(training);
                    assertThat(model.numClasses()).isEqualTo(classes);
                    assertThat(model.numFeatures()).isEqualTo(d);
                    for (Row row : model.transform(test).select("id", "probability", "prediction").collectAsList()) {
                        double[] query = Arrays.copyOfRange(queries, row.getInt(0) * d, row.getInt(0) * d + d);
                        double[] expected = NaiveKnn.probabilities(matrix, d, labels, classes, query, 6, distance, weighting);
                        assertThat(((Vector) row.get(1)).toArray()).as(distance + " " + weighting).containsExactly(expected);
                        assertThat(row.getDouble(2)).isEqualTo(NaiveKnn.argmax(expected));
                    }
                }
            }
        }
        double[] targets = KnnKernelTest.randomLabels(random, 300, 0);
        for (KnnKernel.Distance distance : KnnKernel.Distance.values()) {
            for (KnnKernel.Weighting weighting : KnnKernel.Weighting.values()) {
                KnnRegressionModel model = new KnnRegressor().setK(5).setDistance(distance.configName())
                        .setWeighting(weighting.configName()).fit(vectors(matrix, d, targets));
                for (Row row : model.transform(vectors(queries, d, new double[50])).select("id", "prediction").collectAsList()) {
                    double[] query = Arrays.copyOfRange(queries, row.getInt(0) * d, row.getInt(0) * d + d);
                    assertThat(row.getDouble(1)).isEqualTo(NaiveKnn.regress(matrix, d, targets, query, 5, distance, weighting));
                    assertThat(model.predict(Vectors.dense(query))).isEqualTo(row.getDouble(1));
                }
            }
        }
    }

    @Test
    void feedsSparksClassificationEvaluators() {
        Dataset<Row> data = noisyHalfPlanes(200, 3);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new VectorAssembler().setInputCols(new String[] {"a", "b"}).setOutputCol("features"), new KnnClassifier().setK(9)});
        Dataset<Row> scored = pipeline.fit(data).transform(data);
        assertThat(new MulticlassClassificationEvaluator().setMetricName("accuracy").evaluate(scored)).isGreaterThan(0.6);
        assertThat(new MulticlassClassificationEvaluator().setMetricName("logLoss").evaluate(scored)).isFinite();
        assertThat(new BinaryClassificationEvaluator().evaluate(scored)).isGreaterThan(0.6);
    }

    @Test
    void crossValidationInParallelPicksTheLargerKOnNoisyLabels() {
        Dataset<Row> data = noisyHalfPlanes(600, 11).cache();
        KnnClassifier knn = new KnnClassifier();
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new VectorAssembler().setInputCols(new String[] {"a", "b"}).setOutputCol("raw"),
                new StandardScaler().setInputCol("raw").setOutputCol("features"), knn});
        ParamMap[] grid = new ParamGridBuilder().addGrid(knn.k(), new int[] {1, 31})
                .addGrid(knn.weighting(), scala.jdk.javaapi.CollectionConverters.asScala(List.of("uniform", "distance")))
                .build();
        CrossValidatorModel model = new CrossValidator().setEstimator(pipeline).setEstimatorParamMaps(grid)
                .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("accuracy"))
                .setNumFolds(3).setParallelism(2).setSeed(5).fit(data);
        PipelineModel best = (PipelineModel) model.bestModel();
        KnnClassificationModel fitted = (KnnClassificationModel) best.stages()[2];
        assertThat(fitted.getK()).isEqualTo(31);
        double[] metrics = model.avgMetrics();
        for (int i = 0; i < grid.length; i++) {
            int k = (Integer) grid[i].apply(knn.k());
            // a quarter of the labels are flipped: one neighbour copies the noise, 31 vote it away
            assertThat(metrics[i]).as(grid[i].toString()).isBetween(k == 1 ? 0.5 : 0.68, k == 1 ? 0.68 : 0.8);
        }
        data.unpersist();
    }

    @Test
    void aSavedPipelineModelLoadsAndPredictsTheSame(@TempDir Path folder) throws Exception {
        Dataset<Row> data = noisyHalfPlanes(150, 19);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new VectorAssembler().setInputCols(new String[] {"a", "b"}).setOutputCol("raw"),
                new StandardScaler().setInputCol("raw").setOutputCol("features"),
                new KnnClassifier().setK(4).setDistance("manhattan").setWeighting("distance").setProbabilityCol("p")});
        PipelineModel model = pipeline.fit(data);
        String path = folder.resolve("model").toString();
        model.write().overwrite().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        KnnClassificationModel knn = (KnnClassificationModel) loaded.stages()[2];
        assertThat(knn.uid()).isEqualTo(model.stages()[2].uid());
        assertThat(knn.getK()).isEqualTo(4);
        assertThat(knn.distanceKind()).isEqualTo(KnnKernel.Distance.MANHATTAN);
        assertThat(knn.weightingKind()).isEqualTo(KnnKernel.Weighting.DISTANCE);
        assertThat(knn.trainingMatrix()).containsExactly(((KnnClassificationModel) model.stages()[2]).trainingMatrix());
        List<Row> before = model.transform(data).select("id", "p", "prediction").orderBy("id").collectAsList();
        List<Row> after = loaded.transform(data).select("id", "p", "prediction").orderBy("id").collectAsList();
        assertThat(after).isEqualTo(before);
        // the unfitted pipeline too
        pipeline.write().overwrite().save(folder.resolve("pipeline").toString());
        KnnClassifier estimator = (KnnClassifier) Pipeline.load(folder.resolve("pipeline").toString()).getStages()[2];
        assertThat(estimator.getK()).isEqualTo(4);
        assertThat(estimator.getDistance()).isEqualTo("manhattan");
    }

    @Test
    void aSavedRegressionModelLoadsAndPredictsTheSame(@TempDir Path folder) throws Exception {
        Random random = new Random(5);
        double[] matrix = KnnKernelTest.randomMatrix(random, 80, 3, false);
        Dataset<Row> data = vectors(matrix, 3, KnnKernelTest.randomLabels(random, 80, 0));
        KnnRegressionModel model = new KnnRegressor().setK(3).fit(data);
        model.write().overwrite().save(folder.toString());
        KnnRegressionModel loaded = KnnRegressionModel.load(folder.toString());
        assertThat(loaded.transform(data).select("id", "prediction").orderBy("id").collectAsList())
                .isEqualTo(model.transform(data).select("id", "prediction").orderBy("id").collectAsList());
    }

    @Test
    void refusesLabelsThatAreNotClassIndices() {
        Dataset<Row> data = vectors(new double[] {0, 1, 2}, 1, new double[] {0, 1.5, 1});
        assertThatThrownBy(() -> new KnnClassifier().fit(data)).isInstanceOf(DatapilotException.class)
                .hasMessageContaining("Cannot fit k nearest neighbours: the label 1.5 is not a class index");
        assertThatThrownBy(() -> new KnnClassifier().setFeaturesCol("label").fit(data)).isInstanceOf(DatapilotException.class)
                .hasMessageContaining("Invalid features column 'label'");
    }
}
