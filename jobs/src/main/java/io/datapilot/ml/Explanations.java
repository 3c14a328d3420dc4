package io.datapilot.ml;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.when;

import io.datapilot.ml.features.FeaturePipeline;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.DecisionTreeClassificationModel;
import org.apache.spark.ml.classification.GBTClassificationModel;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.classification.RandomForestClassificationModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.regression.DecisionTreeRegressionModel;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.regression.RandomForestRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What explains a model and how it treats groups: importances of the trees, standardised
 * coefficients of the linear models (their inputs are standardised), residual quantiles of a
 * regression on the test rows, and the metrics per group of the sensitive attribute.
 */
final class Explanations {
    /** One figure of a model, in long format (gold.model_details). */
    record Detail(String target, String model, String section, String item, String item2, double value) {}

    /** The metric of one group of the sensitive attribute, on the test rows. */
    record Group(String group, long rows, double metric, double positiveRate) {}

    private Explanations() {}

    /** Importances (trees) or coefficients (linear models); empty for KNN and the perceptron. */
    static List<Detail> importances(String target, ModelKind kind, PipelineModel fitted, List<String> names, List<String> labels) {
        Transformer model = fitted.stages()[fitted.stages().length - 1];
        List<Detail> details = new ArrayList<>();
        Vector importances = null;
        if (model instanceof DecisionTreeClassificationModel m) {
            importances = m.featureImportances();
        } else if (model instanceof DecisionTreeRegressionModel m) {
            importances = m.featureImportances();
        } else if (model instanceof RandomForestClassificationModel m) {
            importances = m.featureImportances();
        } else if (model instanceof RandomForestRegressionModel m) {
            importances = m.featureImportances();
        } else if (model instanceof GBTClassificationModel m) {
            importances = m.featureImportances();
        } else if (model instanceof GBTRegressionModel m) {
            importances = m.featureImportances();
        }
        if (importances != null) {
            for (int i = 0; i < importances.size(); i++) {
                details.add(new Detail(target, kind.key(), "importance", name(names, i), "", importances.apply(i)));
            }
        } else if (model instanceof LinearRegressionModel linear) {
            Vector coefficients = linear.coefficients();
            for (int i = 0; i < coefficients.size(); i++) {
                details.add(new Detail(target, kind.key(), "coefficient", name(names, i), "", coefficients.apply(i)));
            }
        } else if (model instanceof LogisticRegressionModel logistic) {
            Matrix matrix = logistic.coefficientMatrix();
            boolean binary = matrix.numRows() == 1;
            for (int row = 0; row < matrix.numRows(); row++) {
                for (int i = 0; i < matrix.numCols(); i++) {
                    details.add(new Detail(target, kind.key(), "coefficient", name(names, i), binary ? "" : labels.get(row),
                            matrix.apply(row, i)));
                }
            }
        }
        return details;
    }

    private static String name(List<String> names, int i) {
        return i < names.size() ? names.get(i) : "variable " + (i + 1);
    }

    /** Confusion matrix cells and per-class figures of a classification. */
    static List<Detail> classification(String target, ModelKind kind, Metrics.Scores scores, List<String> labels) {
        List<Detail> details = new ArrayList<>();
        Metrics.Confusion confusion = scores.confusion();
        for (int actual = 0; actual < labels.size(); actual++) {
            for (int predicted = 0; predicted < labels.size(); predicted++) {
                details.add(new Detail(target, kind.key(), "confusion", labels.get(actual), labels.get(predicted),
                        confusion.count(actual, predicted)));
            }
            details.add(new Detail(target, kind.key(), "class", labels.get(actual), "precision", confusion.precision(actual)));
            details.add(new Detail(target, kind.key(), "class", labels.get(actual), "recall", confusion.recall(actual)));
            details.add(new Detail(target, kind.key(), "class", labels.get(actual), "f1", confusion.f1(actual)));
            details.add(new Detail(target, kind.key(), "class", labels.get(actual), "support", confusion.actual(actual)));
        }
        return details;
    }

    /** Quantiles of the test residuals (actual − predicted) of a regression: the prediction interval. */
    static double[] residualQuantiles(Dataset<Row> predictions) {
        return predictions.withColumn("__residual", col(FeaturePipeline.LABEL).minus(col(FeaturePipeline.PREDICTION)))
                .stat().approxQuantile("__residual", new double[] {0.05, 0.5, 0.95}, 0.001);
    }

    /** Accuracy (and rate of the second class) or RMSE per group, on the test rows (one job). */
    static List<Group> groups(Dataset<Row> predictions, Task task) {
        Dataset<Row> grouped = predictions.groupBy(col(TargetTraining.GROUP)).agg(count(lit(1)),
                task == Task.REGRESSION ? avg(pow(col(FeaturePipeline.PREDICTION).minus(col(FeaturePipeline.LABEL)), 2))
                        : avg(when(col(FeaturePipeline.PREDICTION).equalTo(col(FeaturePipeline.LABEL)), 1.0).otherwise(0.0)),
                avg(when(col(FeaturePipeline.PREDICTION).equalTo(1.0), 1.0).otherwise(0.0)));
        List<Group> groups = new ArrayList<>();
        for (Row row : grouped.orderBy(col(TargetTraining.GROUP)).collectAsList()) {
            double metric = row.getDouble(2);
            groups.add(new Group(row.isNullAt(0) ? "(manquant)" : row.getString(0), row.getLong(1),
                    task == Task.REGRESSION ? Math.sqrt(metric) : metric, row.getDouble(3)));
        }
        return groups;
    }

    /** Worst group over best group: for accuracy and rates the smallest over the largest, for RMSE the reverse. */
    static double disparity(List<Group> groups, Task task, boolean rates) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Group group : groups) {
            double value = rates ? group.positiveRate() : group.metric();
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        if (groups.size() < 2 || max <= 0) {
            return Double.NaN;
        }
        return min / max;
    }
}
