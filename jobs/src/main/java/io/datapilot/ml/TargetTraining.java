package io.datapilot.ml;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.config.TrainConfig;
import io.datapilot.core.spark.Jobs;
import io.datapilot.core.text.Numbers;
import io.datapilot.ml.TrainingData.Selection;
import io.datapilot.ml.TrainingData.Target;
import io.datapilot.ml.features.FeaturePipeline;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The training of one target: the rows with a target, split and folded; every model's grid
 * cross-validated on the training rows (the feature stages refitted inside each fold, so that no
 * median, category or scale of a validation fold leaks into its model), each model's best
 * combination scored on the test rows, the best model (by the cross-validated primary metric,
 * never by the test score) refitted on every row with a target.
 */
final class TargetTraining {
    static final String WEIGHT = "__weight";
    static final String GROUP = "__group";
    private static final long ROWS_PER_PARTITION = 100_000;

    /** One model's grid search and test score. */
    record ModelResult(ModelKind kind, List<Grids.Combination> combinations, double[][] foldScores, double[] means, double[] stds, int best,
            Metrics.Scores test, double seconds, PipelineModel fitted) {
        double bestMean() {
            return means[best];
        }

        double bestStd() {
            return stds[best];
        }

        Grids.Combination bestCombination() {
            return combinations.get(best);
        }
    }

    /** Everything the tables, the model folder and the card need. */
    record Result(Target target, Selection selection, String metric, String metricReason, long trainRows, long testRows,
            Map<String, Long> trainClasses, Map<String, Long> testClasses, List<ModelResult> models, ModelResult chosen,
            PipelineModel finalModel, double finalSeconds, Dataset<Row> split, Dataset<Row> test, Dataset<Row> chosenTestPredictions,
            List<String> skipped) {
        /** Frees the cached rows once the tables and the model folder are written. */
        void release() {
            test.unpersist();
            split.unpersist();
        }
    }

    private TargetTraining() {}

    static Result train(Dataset<Row> data, Target target, Selection selection, List<String> keys, Column fairness, TrainConfig train,
            PrintStream err) {
        String column = target.column();
        Dataset<Row> rows = frame(data, target, selection, keys, fairness, train);
        // small data in one partition (a job per tree level or iteration costs its tasks' scheduling); the rows spread by key and
        // sorted by key within their partition, so that the models that draw rows (forests' bootstrap) or break ties by row
        // order (KNN) learn the same thing whatever the session's shuffle partitions or the cluster's cores
        int partitions = (int) Math.max(1, Math.min(data.sparkSession().sparkContext().defaultParallelism() * 4L,
                target.used() / ROWS_PER_PARTITION));
        Dataset<Row> split = Split.assign(rows, target.task(), train.testRatio(), train.folds(), train.seed())
                .repartition(partitions, col(Split.KEY)).sortWithinPartitions(Split.KEY).persist(StorageLevel.MEMORY_AND_DISK());
        Map<String, Map<String, Long>> balance = balance(split, target);
        Map<String, Long> trainClasses = balance.get(Split.TRAIN);
        Map<String, Long> testClasses = balance.get(Split.TEST);
        long trainRows = trainClasses.values().stream().mapToLong(Long::longValue).sum();
        long testRows = testClasses.values().stream().mapToLong(Long::longValue).sum();
        if (trainRows <= selection.encodedSize()) {
            throw new DatapilotException(ErrorKind.DATA, "The target " + column + " has " + Numbers.count(trainRows) + " training rows"
                    + " for " + selection.encodedSize() + " variables after encoding (numbers, 3 per date, one per category): a model"
                    + " would learn the rows by heart. Leave columns out with train.exclude (for example text columns of many values:"
                    + " " + String.join(", ", selection.categories().keySet()) + "), or train on more rows.");
        }
        err.println("[train] " + column + ": " + target.decision() + "; " + Numbers.count(target.used()) + " rows used ("
                + Numbers.count(target.withoutTarget()) + " without a target left out"
                + (target.droppedClassRows() > 0 ? ", " + Numbers.count(target.droppedClassRows()) + " of classes in train.drop_classes" : "")
                + "), split " + Numbers.count(trainRows) + " train / " + Numbers.count(testRows) + " test"
                + (target.task() == Task.CLASSIFICATION ? " (classes in train: " + describe(trainClasses, target) + ")" : "")
                + "; " + selection.features().size() + " features, " + selection.encodedSize() + " after encoding");
        Dataset<Row> training = split.where(col(Split.SET).equalTo(Split.TRAIN));
        if (train.balance().equals("class_weight") && target.task() == Task.CLASSIFICATION) {
            training = training.withColumn(WEIGHT, weight(trainClasses, target, trainRows));
        }
        training = training.persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> test = split.where(col(Split.SET).equalTo(Split.TEST)).persist(StorageLevel.MEMORY_AND_DISK());
        String[] metric = metric(target, trainClasses, train);
        List<String> skipped = new ArrayList<>();
        List<ModelKind> kinds = kinds(target, train, skipped);
        List<ModelResult> results = new ArrayList<>();
        for (ModelKind kind : kinds) {
            results.add(crossValidate(kind, training, test, target, selection, metric[0], train, err));
        }
        boolean larger = Metrics.largerIsBetter(metric[0]);
        ModelResult chosen = results.get(0);
        for (ModelResult result : results) {
            if (larger ? result.bestMean() > chosen.bestMean() : result.bestMean() < chosen.bestMean()) {
                chosen = result;
            }
        }
        // the best model with its best parameters, refitted on every row with a target
        long started = System.nanoTime();
        Dataset<Row> all = split;
        if (train.balance().equals("class_weight") && target.task() == Task.CLASSIFICATION) {
            Map<String, Long> allClasses = new LinkedHashMap<>(target.classRows());
            all = all.withColumn(WEIGHT, weight(allClasses, target, target.used()));
        }
        ModelKind best = chosen.kind();
        Estimator<?> estimator = estimator(best, target, train);
        Pipeline pipeline = pipeline(selection, best, estimator);
        Dataset<Row> everything = all;
        ParamMap finalParams = Grids.combinations(best, estimator, singleton(chosen.bestCombination()), selection.encodedSize(),
                target.classes()).get(0).params();
        PipelineModel finalModel = Jobs.labelled(data.sparkSession(), "train", column + " · final " + best.key() + " on every row",
                () -> pipeline.fit(everything, finalParams));
        double finalSeconds = (System.nanoTime() - started) / 1e9;
        Dataset<Row> chosenPredictions = chosen.fitted().transform(test);
        training.unpersist();
        return new Result(target, selection, metric[0], metric[1], trainRows, testRows, trainClasses, testClasses, List.copyOf(results),
                chosen, finalModel, finalSeconds, split, test, chosenPredictions, skipped);
    }

    private static Map<String, List<Object>> singleton(Grids.Combination combination) {
        Map<String, List<Object>> grid = new LinkedHashMap<>();
        combination.values().forEach((name, value) -> grid.put(name, List.of(value)));
        return grid;
    }

    private static ModelResult crossValidate(ModelKind kind, Dataset<Row> training, Dataset<Row> test, Target target, Selection selection,
            String metric, TrainConfig train, PrintStream err) {
        Estimator<?> estimator = estimator(kind, target, train);
        Pipeline pipeline = pipeline(selection, kind, estimator);
        List<Grids.Combination> combinations = Grids.combinations(kind, estimator, Grids.grid(kind, train.grids()),
                selection.encodedSize(), target.classes());
        long started = System.nanoTime();
        double[][] scores = Jobs.labelled(training.sparkSession(), "train", target.column() + " · " + kind.key() + " · "
                + combinations.size() + " combinations × " + train.folds() + " folds",
                () -> CrossValidation.scores(new Pipeline().setStages(FeaturePipeline.stages(selection.features(), kind.scaled())
                        .toArray(PipelineStage[]::new)), estimator, combinations, training, metric, train.folds(), train.parallelism(),
                        kind.parametersActAtPrediction()));
        double[] means = new double[combinations.size()];
        double[] stds = new double[combinations.size()];
        for (int i = 0; i < combinations.size(); i++) {
            means[i] = java.util.Arrays.stream(scores[i]).average().orElse(Double.NaN);
            double mean = means[i];
            // the standard deviation over the folds, divided by k as scikit-learn's std_test_score is
            stds[i] = Math.sqrt(java.util.Arrays.stream(scores[i]).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, scores[i].length));
        }
        boolean larger = Metrics.largerIsBetter(metric);
        int best = 0;
        for (int i = 1; i < means.length; i++) {
            if (larger ? means[i] > means[best] : means[i] < means[best]) {
                best = i;
            }
        }
        // the best combination refitted on every training row, as CrossValidator does, then scored on the test rows
        ParamMap bestParams = combinations.get(best).params();
        PipelineModel fitted = Jobs.labelled(training.sparkSession(), "train", target.column() + " · " + kind.key() + " · best on the"
                + " training rows", () -> pipeline.fit(training, bestParams));
        double seconds = (System.nanoTime() - started) / 1e9;
        Dataset<Row> predictions = fitted.transform(test);
        Metrics.Scores testScores = target.task() == Task.REGRESSION ? Metrics.regression(predictions)
                : Metrics.classification(predictions, target.classes());
        err.println("[train] " + target.column() + " · " + kind.key() + ": " + combinations.size() + " combinations × " + train.folds()
                + " folds in " + Numbers.decimal(seconds, 1) + " s; best " + combinations.get(best).text() + ": CV " + metric + " "
                + Numbers.decimal(means[best], 4) + " ± " + Numbers.decimal(stds[best], 4) + ", test "
                + Numbers.decimal(testScores.get(metric), 4));
        return new ModelResult(kind, combinations, scores, means, stds, best, testScores, seconds, fitted);
    }

    static Pipeline pipeline(Selection selection, ModelKind kind, Estimator<?> estimator) {
        List<PipelineStage> stages = new ArrayList<>(FeaturePipeline.stages(selection.features(), kind.scaled()));
        stages.add(estimator);
        return new Pipeline().setStages(stages.toArray(PipelineStage[]::new));
    }

    static Estimator<?> estimator(ModelKind kind, Target target, TrainConfig train) {
        Estimator<?> estimator = kind.estimator(target.task(), train.seed());
        set(estimator, "labelCol", FeaturePipeline.LABEL);
        set(estimator, "featuresCol", FeaturePipeline.FEATURES);
        set(estimator, "predictionCol", FeaturePipeline.PREDICTION);
        if (estimator.hasParam("probabilityCol")) {
            set(estimator, "probabilityCol", FeaturePipeline.PROBABILITY);
        }
        if (estimator.hasParam("rawPredictionCol")) {
            set(estimator, "rawPredictionCol", FeaturePipeline.RAW_PREDICTION);
        }
        if (train.balance().equals("class_weight") && target.task() == Task.CLASSIFICATION && estimator.hasParam("weightCol")) {
            estimator.set(estimator.getParam("weightCol"), WEIGHT);
        }
        return estimator;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void set(Estimator<?> estimator, String param, String value) {
        estimator.set((org.apache.spark.ml.param.Param) estimator.getParam(param), value);
    }

    private static List<ModelKind> kinds(Target target, TrainConfig train, List<String> skipped) {
        if (train.models().isEmpty()) {
            return ModelKind.defaults(target.task(), target.classes());
        }
        List<ModelKind> kinds = new ArrayList<>();
        for (String name : train.models()) {
            ModelKind kind = ModelKind.of(name).orElseThrow();
            if (kind.supports(target.task(), target.classes())) {
                kinds.add(kind);
            } else {
                skipped.add(name + " (" + (kind == ModelKind.GRADIENT_BOOSTING ? "binary classification or regression only"
                        : "not a " + target.task().key() + " model") + ")");
            }
        }
        if (kinds.isEmpty()) {
            throw new DatapilotException(ErrorKind.CONFIG, "train.models: none of " + String.join(", ", train.models()) + " learns the "
                    + target.task().key() + " target " + target.column() + "; add one of: " + String.join(", ",
                    ModelKind.defaults(target.task(), target.classes()).stream().map(ModelKind::key).toList()) + ".");
        }
        return kinds;
    }

    /** The primary metric and why. */
    private static String[] metric(Target target, Map<String, Long> trainClasses, TrainConfig train) {
        String metric = train.metric();
        if (target.task() == Task.REGRESSION) {
            if (metric.equals("auto")) {
                return new String[] {"rmse", "auto: RMSE, in the target's unit, penalises large errors"};
            }
            if (!TrainConfig.REGRESSION_METRICS.contains(metric)) {
                throw new DatapilotException(ErrorKind.CONFIG, "train.metric: " + metric + " does not measure the regression target "
                        + target.column() + "; use auto or one of " + String.join(", ", TrainConfig.REGRESSION_METRICS) + ".");
            }
            return new String[] {metric, "train.metric"};
        }
        if (metric.equals("auto")) {
            long total = trainClasses.values().stream().mapToLong(Long::longValue).sum();
            long smallest = trainClasses.values().stream().mapToLong(Long::longValue).min().orElse(0);
            if (smallest < 0.2 * total) {
                return new String[] {"f1", "auto: macro F1, because the smallest class holds " + Numbers.percent((double) smallest / total)
                        + " of the rows (under 20 %): accuracy would reward predicting the majority class"};
            }
            return new String[] {"accuracy", "auto: accuracy, the classes being balanced enough (each at least 20 % of the rows)"};
        }
        if (!TrainConfig.CLASSIFICATION_METRICS.contains(metric)) {
            throw new DatapilotException(ErrorKind.CONFIG, "train.metric: " + metric + " does not measure the classification target "
                    + target.column() + "; use auto or one of " + String.join(", ", TrainConfig.CLASSIFICATION_METRICS) + ".");
        }
        if ((metric.equals("roc_auc") || metric.equals("pr_auc")) && target.classes() != 2) {
            throw new DatapilotException(ErrorKind.CONFIG, "train.metric: " + metric + " needs two classes, and " + target.column()
                    + " has " + target.classes() + "; use accuracy or f1.");
        }
        return new String[] {metric, "train.metric"};
    }

    /** Key, features, label (a class index for a classification) and the fairness group, for the rows with a kept target. */
    private static Dataset<Row> frame(Dataset<Row> data, Target target, Selection selection, List<String> keys, Column fairness,
            TrainConfig train) {
        Column value = col(io.datapilot.core.text.Names.quoted(target.column()));
        Dataset<Row> kept = data.where(value.isNotNull());
        Column label;
        if (target.task() == Task.REGRESSION) {
            label = value.cast("double");
        } else {
            Column classes = array(target.labels().stream().map(name -> lit(name)).toArray(Column[]::new));
            label = array_position(classes, value.cast("string")).minus(1).cast("double");
            kept = kept.where(value.cast("string").isin(target.labels().toArray()));
        }
        List<Column> columns = new ArrayList<>();
        columns.add(concat_ws("|", keys.stream().map(key -> col(io.datapilot.core.text.Names.quoted(key)).cast("string")).toArray(Column[]::new))
                .as(Split.KEY));
        selection.features().forEach(feature -> columns.add(col(io.datapilot.core.text.Names.quoted(feature.column()))));
        columns.add(label.as(FeaturePipeline.LABEL));
        if (fairness != null) {
            columns.add(fairness.as(GROUP));
        }
        return kept.select(columns.toArray(Column[]::new));
    }

    private static Column weight(Map<String, Long> classes, Target target, long rows) {
        Column weight = lit(1.0);
        for (int i = 0; i < target.labels().size(); i++) {
            long count = classes.getOrDefault(target.labels().get(i), 0L);
            double w = count == 0 ? 1.0 : (double) rows / (target.classes() * count);
            weight = when(col(FeaturePipeline.LABEL).equalTo((double) i), lit(w)).otherwise(weight);
        }
        return weight;
    }

    /** Rows per set and class (one job). */
    private static Map<String, Map<String, Long>> balance(Dataset<Row> split, Target target) {
        Map<String, Map<String, Long>> balance = new LinkedHashMap<>();
        balance.put(Split.TRAIN, new LinkedHashMap<>());
        balance.put(Split.TEST, new LinkedHashMap<>());
        Column by = target.task() == Task.CLASSIFICATION ? col(FeaturePipeline.LABEL) : lit(0.0);
        for (Row row : split.groupBy(col(Split.SET), by.as("class")).count().collectAsList()) {
            String set = row.getString(0);
            String name = target.task() == Task.CLASSIFICATION ? target.labels().get((int) row.getDouble(1)) : "all";
            balance.get(set).merge(name, row.getLong(2), Long::sum);
        }
        if (target.task() == Task.CLASSIFICATION) {
            for (Map<String, Long> counts : balance.values()) {
                Map<String, Long> ordered = new LinkedHashMap<>();
                target.labels().forEach(label -> ordered.put(label, counts.getOrDefault(label, 0L)));
                counts.clear();
                counts.putAll(ordered);
            }
        }
        return balance;
    }

    static String describe(Map<String, Long> classes, Target target) {
        long total = classes.values().stream().mapToLong(Long::longValue).sum();
        List<String> parts = new ArrayList<>();
        classes.forEach((label, count) -> parts.add(label + " " + Numbers.count(count) + " (" + Numbers.percent(total == 0 ? 0
                : (double) count / total) + ")"));
        return String.join(", ", parts);
    }
}
