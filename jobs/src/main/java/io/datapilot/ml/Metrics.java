package io.datapilot.ml;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.var_pop;

import io.datapilot.ml.features.FeaturePipeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The metrics of a model on predictions ({@code label}, {@code prediction}, and for a binary
 * classification {@code rawPrediction}): RMSE, MAE, MSE, R² for a regression; accuracy, macro F1,
 * weighted precision and recall, per-class figures and the confusion matrix for a classification,
 * plus ROC AUC and PR AUC when binary. A few Spark jobs per model, whatever the number of rows.
 */
final class Metrics {
    private Metrics() {}

    /** The test metrics of one model; those that do not apply to the task are NaN. */
    record Scores(double rmse, double mae, double mse, double r2, double accuracy, double f1Macro, double precisionWeighted,
            double recallWeighted, double rocAuc, double prAuc, Confusion confusion) {
        double get(String metric) {
            return switch (metric) {
                case "rmse" -> rmse;
                case "mae" -> mae;
                case "mse" -> mse;
                case "r2" -> r2;
                case "accuracy" -> accuracy;
                case "f1" -> f1Macro;
                case "weighted_precision" -> precisionWeighted;
                case "weighted_recall" -> recallWeighted;
                case "roc_auc" -> rocAuc;
                case "pr_auc" -> prAuc;
                default -> throw new IllegalArgumentException("No metric " + metric);
            };
        }
    }

    /** Counts of (actual, predicted) class indices. */
    record Confusion(Map<Integer, Map<Integer, Long>> cells) {
        static Confusion of(List<Row> rows) {
            Map<Integer, Map<Integer, Long>> cells = new LinkedHashMap<>();
            for (Row row : rows) {
                int actual = (int) row.getDouble(0);
                int predicted = (int) row.getDouble(1);
                cells.computeIfAbsent(actual, key -> new LinkedHashMap<>()).merge(predicted, row.getLong(2), Long::sum);
            }
            return new Confusion(cells);
        }

        java.util.SortedSet<Integer> classes() {
            TreeSet<Integer> classes = new TreeSet<>(cells.keySet());
            cells.values().forEach(row -> classes.addAll(row.keySet()));
            return classes;
        }

        long count(int actual, int predicted) {
            return cells.getOrDefault(actual, Map.of()).getOrDefault(predicted, 0L);
        }

        long total() {
            return cells.values().stream().flatMap(row -> row.values().stream()).mapToLong(Long::longValue).sum();
        }

        long actual(int label) {
            return cells.getOrDefault(label, Map.of()).values().stream().mapToLong(Long::longValue).sum();
        }

        long predicted(int label) {
            return cells.values().stream().mapToLong(row -> row.getOrDefault(label, 0L)).sum();
        }

        double precision(int label) {
            long predicted = predicted(label);
            return predicted == 0 ? 0 : (double) count(label, label) / predicted;
        }

        double recall(int label) {
            long actual = actual(label);
            return actual == 0 ? 0 : (double) count(label, label) / actual;
        }

        double f1(int label) {
            double p = precision(label);
            double r = recall(label);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        double accuracy() {
            long total = total();
            return total == 0 ? Double.NaN : (double) classes().stream().mapToLong(label -> count(label, label)).sum() / total;
        }

        /** Over the classes that actually occur (scikit-learn's f1_score(average="macro") on the labels present). */
        double macroF1() {
            return classes().stream().mapToDouble(this::f1).average().orElse(Double.NaN);
        }

        double weighted(java.util.function.IntToDoubleFunction metric) {
            long total = total();
            return total == 0 ? Double.NaN : classes().stream().mapToDouble(label -> metric.applyAsDouble(label) * actual(label)).sum() / total;
        }
    }

    static Scores regression(Dataset<Row> predictions) {
        Row row = predictions.agg(avg(pow(col(FeaturePipeline.PREDICTION).minus(col(FeaturePipeline.LABEL)), 2)),
                avg(abs(col(FeaturePipeline.PREDICTION).minus(col(FeaturePipeline.LABEL)))), var_pop(col(FeaturePipeline.LABEL)),
                count(lit(1))).first();
        double mse = row.isNullAt(0) ? Double.NaN : row.getDouble(0);
        double variance = row.isNullAt(2) ? Double.NaN : row.getDouble(2);
        return new Scores(Math.sqrt(mse), row.isNullAt(1) ? Double.NaN : row.getDouble(1), mse, variance > 0 ? 1 - mse / variance : Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null);
    }

    static Scores classification(Dataset<Row> predictions, int classes) {
        Confusion confusion = Confusion.of(predictions.groupBy(FeaturePipeline.LABEL, FeaturePipeline.PREDICTION).count().collectAsList());
        double roc = Double.NaN;
        double pr = Double.NaN;
        if (classes == 2) {
            BinaryClassificationEvaluator binary = new BinaryClassificationEvaluator().setLabelCol(FeaturePipeline.LABEL)
                    .setRawPredictionCol(FeaturePipeline.RAW_PREDICTION);
            roc = binary.setMetricName("areaUnderROC").evaluate(predictions);
            pr = binary.setMetricName("areaUnderPR").evaluate(predictions);
        }
        return new Scores(Double.NaN, Double.NaN, Double.NaN, Double.NaN, confusion.accuracy(), confusion.macroF1(),
                confusion.weighted(confusion::precision), confusion.weighted(confusion::recall), roc, pr, confusion);
    }

    /** The evaluator of the cross-validation for a metric. */
    static Evaluator evaluator(String metric) {
        return switch (metric) {
            case "rmse", "mae", "mse", "r2" -> new RegressionEvaluator().setMetricName(metric).setLabelCol(FeaturePipeline.LABEL)
                    .setPredictionCol(FeaturePipeline.PREDICTION);
            case "accuracy" -> new MulticlassClassificationEvaluator().setMetricName("accuracy").setLabelCol(FeaturePipeline.LABEL)
                    .setPredictionCol(FeaturePipeline.PREDICTION);
            case "weighted_precision", "weighted_recall" -> new MulticlassClassificationEvaluator()
                    .setMetricName(metric.equals("weighted_precision") ? "weightedPrecision" : "weightedRecall")
                    .setLabelCol(FeaturePipeline.LABEL).setPredictionCol(FeaturePipeline.PREDICTION);
            case "f1" -> new MacroF1Evaluator();
            case "roc_auc", "pr_auc" -> new BinaryClassificationEvaluator().setMetricName(metric.equals("roc_auc") ? "areaUnderROC"
                    : "areaUnderPR").setLabelCol(FeaturePipeline.LABEL).setRawPredictionCol(FeaturePipeline.RAW_PREDICTION);
            default -> throw new IllegalArgumentException("No metric " + metric);
        };
    }

    static boolean largerIsBetter(String metric) {
        return !(metric.equals("rmse") || metric.equals("mae") || metric.equals("mse"));
    }
}
