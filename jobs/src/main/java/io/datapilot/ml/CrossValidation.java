package io.datapilot.ml;

import static org.apache.spark.sql.functions.col;

import io.datapilot.ml.features.FeaturePipeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * K-fold cross-validation of a model over a parameter grid, on the folds the split assigned
 * (stratified for a classification), as Spark's CrossValidator with {@code foldCol} would — but
 * keeping each fold's metric, so that the spread over the folds is reported (CrossValidatorModel
 * keeps only the averages in Spark 3.5), and fitting the feature stages once per fold rather than
 * once per combination: they do not depend on the model's parameters, and they are fitted on the
 * fold's training part only, so no median, category or scale of the validation rows leaks into a
 * model. Each fold's encoded rows are cached once; {@code parallelism} combinations are fitted at
 * the same time on the one Spark session.
 */
final class CrossValidation {
    private CrossValidation() {}

    /** The metric of each combination (rows) on each fold (columns). */
    static double[][] scores(Pipeline features, Estimator<?> estimator, List<Grids.Combination> combinations, Dataset<Row> training,
            String metric, int folds, int parallelism, boolean fitOncePerFold) {
        double[][] scores = new double[combinations.size()][folds];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallelism), runnable -> {
            Thread thread = new Thread(runnable, "datapilot-cv");
            thread.setDaemon(true);
            return thread;
        });
        List<Column> encoded = new ArrayList<>();
        for (String name : new String[] {FeaturePipeline.LABEL, FeaturePipeline.FEATURES, TargetTraining.WEIGHT}) {
            if (name.equals(FeaturePipeline.FEATURES) || Arrays.asList(training.columns()).contains(name)) {
                encoded.add(col(name));
            }
        }
        try {
            for (int fold = 0; fold < folds; fold++) {
                Dataset<Row> fitRows = training.where(col(Split.FOLD).notEqual(fold));
                PipelineModel encoder = features.fit(fitRows);
                Dataset<Row> fit = encoder.transform(fitRows).select(encoded.toArray(Column[]::new)).persist(StorageLevel.MEMORY_AND_DISK());
                Dataset<Row> validation = encoder.transform(training.where(col(Split.FOLD).equalTo(fold)))
                        .select(encoded.toArray(Column[]::new)).persist(StorageLevel.MEMORY_AND_DISK());
                // a model whose parameters act only at prediction is fitted once per fold, then copied with each combination
                Model<?> shared = fitOncePerFold ? (Model<?>) estimator.fit(fit) : null;
                List<Future<Double>> pending = new ArrayList<>();
                for (Grids.Combination combination : combinations) {
                    Evaluator evaluator = Metrics.evaluator(metric);
                    pending.add(pool.submit(() -> {
                        Model<?> model = shared != null ? (Model<?>) shared.copy(combination.params())
                                : (Model<?>) estimator.fit(fit, combination.params());
                        return evaluator.evaluate(model.transform(validation));
                    }));
                }
                for (int i = 0; i < pending.size(); i++) {
                    scores[i][fold] = pending.get(i).get();
                }
                fit.unpersist();
                validation.unpersist();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Cross-validation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Cross-validation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return scores;
    }
}
