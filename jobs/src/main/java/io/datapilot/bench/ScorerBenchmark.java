package io.datapilot.bench;

import io.datapilot.core.text.Numbers;
import io.datapilot.ml.features.Feature;
import io.datapilot.ml.features.FeatureKind;
import io.datapilot.ml.features.FeaturePipeline;
import io.datapilot.ml.knn.KnnClassifier;
import io.datapilot.ml.knn.KnnRegressor;
import io.datapilot.ml.scorer.LocalScorer;
import io.datapilot.ml.scorer.ScorerFile;
import io.datapilot.ml.scorer.export.ScorerExport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.DecisionTreeClassifier;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.regression.DecisionTreeRegressor;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.RandomForestRegressor;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One-row scoring: the local scorer (p50 and p99 of single calls after warm-up) against
 * {@code PipelineModel.transform} + collect on a one-row DataFrame (median), for every model kind,
 * each fitted on 2 000 generated rows of 5 features (two numbers, a boolean, a date, a category).
 */
final class ScorerBenchmark {
    static final int TRAINING_ROWS = 2000;
    static final double GOAL_RATIO = 500;
    static final double GOAL_P50_SECONDS = 0.1e-3;

    private static final List<Feature> FEATURES = List.of(new Feature("âge", FeatureKind.NUMERIC),
            new Feature("revenu", FeatureKind.NUMERIC), new Feature("abonné", FeatureKind.BOOLEAN),
            new Feature("inscription", FeatureKind.DATE), new Feature("région", FeatureKind.CATEGORICAL));
    private static final StructType SCHEMA = new StructType().add("âge", DataTypes.DoubleType)
            .add("revenu", DataTypes.IntegerType).add("abonné", DataTypes.BooleanType)
            .add("inscription", DataTypes.DateType).add("région", DataTypes.StringType)
            .add("classe", DataTypes.DoubleType).add("montant", DataTypes.DoubleType).add("binaire", DataTypes.DoubleType);
    private static final String[] REGIONS = {"Nord", "Sud", "Est", "Ouest", "Centre"};

    record Measure(String model, double localP50, double localP99, double sparkMedian) {
        double ratio() {
            return sparkMedian / localP50;
        }

        boolean met() {
            return ratio() >= GOAL_RATIO && localP50 <= GOAL_P50_SECONDS;
        }
    }

    private record Kind(String name, boolean classification, boolean scaled, Supplier<PipelineStage> model) {
        List<String> labels() {
            return !classification ? List.of() : name.contains("binary") ? List.of("non", "oui") : List.of("bas", "moyen", "haut");
        }
    }

    private final SparkSession spark;
    private final PrintStream log;

    ScorerBenchmark(SparkSession spark, PrintStream log) {
        this.spark = spark;
        this.log = log;
    }

    List<Measure> run(int localCalls, int sparkCalls, Path scratch) throws java.io.IOException {
        Dataset<Row> training = rows(TRAINING_ROWS, 1).cache();
        Dataset<Row> one = rows(1, 2).cache();
        Map<String, Object> request = request(one.first());
        int size = 2 + 1 + 3 + REGIONS.length;
        List<Measure> measures = new ArrayList<>();
        for (Kind kind : kinds(size)) {
            List<PipelineStage> stages = new ArrayList<>(FeaturePipeline.stages(FEATURES, kind.scaled()));
            stages.add(kind.model().get());
            PipelineModel fitted = new Pipeline().setStages(stages.toArray(PipelineStage[]::new)).fit(training);
            Path folder = Files.createTempDirectory(scratch, "scorer");
            ScorerExport.write(spark, fitted, FEATURES, kind.classification() ? ScorerFile.CLASSIFICATION : ScorerFile.REGRESSION,
                    kind.labels(), folder.toString());
            LocalScorer scorer = LocalScorer.load(folder);
            double[] local = local(scorer, request, localCalls);
            double spark = sparkMedian(fitted, one, sparkCalls);
            Measure measure = new Measure(kind.name(), local[0], local[1], spark);
            log.printf("[bench]   %s: local p50 %.2f µs, p99 %.2f µs; Spark %.2f ms%n", kind.name(), local[0] * 1e6,
                    local[1] * 1e6, spark * 1e3);
            measures.add(measure);
        }
        return measures;
    }

    private static List<Kind> kinds(int size) {
        String label = "classe";
        String target = "montant";
        return List.of(
                new Kind("LinearRegression (lasso, elasticNet 1)", false, true,
                        () -> new LinearRegression().setRegParam(0.05).setElasticNetParam(1).setLabelCol(target)),
                new Kind("LinearRegression (ridge, elasticNet 0)", false, true,
                        () -> new LinearRegression().setRegParam(0.05).setElasticNetParam(0).setLabelCol(target)),
                new Kind("LinearRegression (elasticNet 0,5)", false, true,
                        () -> new LinearRegression().setRegParam(0.05).setElasticNetParam(0.5).setLabelCol(target)),
                new Kind("LogisticRegression (binary)", true, true,
                        () -> new LogisticRegression().setLabelCol("binaire")),
                new Kind("LogisticRegression (multinomial, 3 classes)", true, true,
                        () -> new LogisticRegression().setFamily("multinomial").setLabelCol(label)),
                new Kind("DecisionTreeClassifier (depth 5)", true, false,
                        () -> new DecisionTreeClassifier().setMaxDepth(5).setLabelCol(label)),
                new Kind("DecisionTreeRegressor (depth 5)", false, false,
                        () -> new DecisionTreeRegressor().setMaxDepth(5).setLabelCol(target)),
                new Kind("RandomForestClassifier (50 trees, depth 5)", true, false,
                        () -> new RandomForestClassifier().setNumTrees(50).setMaxDepth(5).setLabelCol(label)),
                new Kind("RandomForestRegressor (50 trees, depth 5)", false, false,
                        () -> new RandomForestRegressor().setNumTrees(50).setMaxDepth(5).setLabelCol(target)),
                new Kind("GBTClassifier (binary, 50 trees, depth 3)", true, false,
                        () -> new GBTClassifier().setMaxIter(50).setMaxDepth(3).setLabelCol("binaire")),
                new Kind("GBTRegressor (50 trees, depth 3)", false, false,
                        () -> new GBTRegressor().setMaxIter(50).setMaxDepth(3).setLabelCol(target)),
                new Kind("MultilayerPerceptronClassifier (" + size + "-10-3)", true, true,
                        () -> new MultilayerPerceptronClassifier().setLayers(new int[] {size, 10, 3}).setMaxIter(50)
                                .setLabelCol(label)),
                new Kind("KNN classifier (k 7, 2 000 training rows)", true, true,
                        () -> new KnnClassifier().setK(7).setFeaturesCol(FeaturePipeline.FEATURES).setLabelCol(label)),
                new Kind("KNN regressor (k 7, 2 000 training rows)", false, true,
                        () -> new KnnRegressor().setK(7).setFeaturesCol(FeaturePipeline.FEATURES).setLabelCol(target)));
    }

    /** p50 and p99 of single calls, in seconds, after as many unmeasured calls. */
    private static double[] local(LocalScorer scorer, Map<String, Object> request, int calls) {
        double sink = 0;
        for (int i = 0; i < calls; i++) {
            sink += scorer.score(request).value();
        }
        long[] times = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            sink += scorer.score(request).value();
            times[i] = System.nanoTime() - start;
        }
        if (Double.isInfinite(sink)) {
            throw new IllegalStateException("unexpected infinite prediction");
        }
        Arrays.sort(times);
        return new double[] {times[calls / 2] / 1e9, times[(int) (calls * 0.99)] / 1e9};
    }

    private static double sparkMedian(PipelineModel fitted, Dataset<Row> one, int calls) {
        for (int i = 0; i < 10; i++) {
            fitted.transform(one).select(FeaturePipeline.PREDICTION).collectAsList();
        }
        double[] times = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            fitted.transform(one).select(FeaturePipeline.PREDICTION).collectAsList();
            times[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(times);
        return times[calls / 2];
    }

    private Dataset<Row> rows(int count, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Double age = random.nextDouble() < 0.1 ? null : 18 + random.nextDouble() * 60;
            Integer income = random.nextDouble() < 0.1 ? null : 1000 + random.nextInt(4000);
            Boolean subscriber = random.nextDouble() < 0.1 ? null : random.nextBoolean();
            LocalDate day = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1500));
            String region = random.nextDouble() < 0.08 ? null : REGIONS[random.nextInt(REGIONS.length)];
            double score = ((age == null ? 45 : age) - 45) / 15 + ((income == null ? 3000 : income) - 3000) / 1200.0
                    + (Boolean.TRUE.equals(subscriber) ? 0.8 : -0.3) + ("Nord".equals(region) ? 0.7 : 0)
                    + day.getMonthValue() / 12.0 + random.nextGaussian() * 0.7;
            rows.add(RowFactory.create(age, income, subscriber, Date.valueOf(day), region,
                    score < 0 ? 0.0 : score < 1.2 ? 1.0 : 2.0, 3 * score + 10 + random.nextGaussian(), score > 0.5 ? 1.0 : 0.0));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static Map<String, Object> request(Row row) {
        Map<String, Object> request = new HashMap<>();
        for (Feature feature : FEATURES) {
            Object value = row.get(row.fieldIndex(feature.column()));
            request.put(feature.column(), value instanceof Date date ? date.toLocalDate().toString() : value);
        }
        return request;
    }

    static String section(List<Measure> measures, int localCalls, int sparkCalls, String sparkVersion, String master) {
        StringBuilder text = new StringBuilder();
        text.append("<!-- bench:scorer -->\n### Local scorer vs Spark, one row\n\n");
        text.append("Measured on ").append(LocalDate.now()).append(", ").append(BenchmarkReport.machine())
                .append(". Models fitted on ").append(Numbers.count(TRAINING_ROWS))
                .append(" generated rows (5 features: two numbers with nulls, a boolean, a date, a category), Spark ")
                .append(sparkVersion).append(" master ").append(master).append(". Local scorer: ")
                .append(Numbers.count(localCalls)).append(" single calls after as many unmeasured ones, p50 and p99;")
                .append(" Spark: `PipelineModel.transform` + collect on a one-row DataFrame, median of ")
                .append(sparkCalls).append(" calls after 10 unmeasured ones. Goal: ≥ ")
                .append(Numbers.count((long) GOAL_RATIO)).append("× faster and p50 ≤ 0,1 ms.\n\n");
        text.append("| model | local p50 | local p99 | Spark median | ratio | met |\n|---|---|---|---|---|---|\n");
        for (Measure measure : measures) {
            text.append("| ").append(measure.model())
                    .append(" | ").append(micros(measure.localP50()))
                    .append(" | ").append(micros(measure.localP99()))
                    .append(" | ").append(Numbers.decimal(measure.sparkMedian() * 1e3, 1)).append(" ms")
                    .append(" | ").append(Numbers.count(Math.round(measure.ratio()))).append("×")
                    .append(" | ").append(measure.met() ? "yes" : "**no**").append(" |\n");
        }
        text.append('\n');
        long met = measures.stream().filter(Measure::met).count();
        text.append("Goal met for ").append(met).append(" of ").append(measures.size()).append(" model kinds.\n");
        text.append("<!-- /bench:scorer -->\n");
        return text.toString();
    }

    private static String micros(double seconds) {
        return Numbers.decimal(seconds * 1e6, 1) + " µs";
    }
}
