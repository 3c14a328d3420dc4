package io.datapilot.ml;

import io.datapilot.ml.features.FeaturePipeline;
import java.util.List;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Macro-averaged F1 (every class weighs the same, however rare), which Spark's
 * MulticlassClassificationEvaluator does not give: its "f1" weighs classes by their size, so that a
 * model predicting only the majority class still scores well on imbalanced data.
 */
public final class MacroF1Evaluator extends Evaluator {
    private final String uid;

    public MacroF1Evaluator() {
        this(Identifiable.randomUID("macroF1"));
    }

    private MacroF1Evaluator(String uid) {
        this.uid = uid;
    }

    @Override
    public double evaluate(Dataset<?> predictions) {
        List<Row> cells = predictions.groupBy(FeaturePipeline.LABEL, FeaturePipeline.PREDICTION).count().collectAsList();
        return Metrics.Confusion.of(cells).macroF1();
    }

    @Override
    public boolean isLargerBetter() {
        return true;
    }

    @Override
    public Evaluator copy(ParamMap extra) {
        return new MacroF1Evaluator(uid);
    }

    @Override
    public String uid() {
        return uid;
    }
}
