package io.datapilot.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datapilot.ml.TargetTraining.ModelResult;
import io.datapilot.ml.TargetTraining.Result;
import io.datapilot.ml.features.Feature;
import io.datapilot.ml.features.FeatureKind;
import io.datapilot.ml.features.FeatureLayout;
import io.datapilot.ml.features.FeaturePipeline;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.feature.ImputerModel;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code model.json}: what the web application and {@code predict} know of a model without Spark —
 * version, run date, target, task, features with their types, labels, units and allowed values or
 * ranges (from the rows the final model learnt from), parameters, metrics, rows, training time,
 * the table and its Delta version, the residual quantiles of a regression.
 */
final class ModelDescription {
    static final int FORMAT = 1;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Who reads what: labels of the columns, in the client's words. */
    record Context(String dataset, String table, long tableVersion, LocalDate runDate, String version,
            BiFunction<String, String, String> label, Map<String, String> units, String datapilotVersion, int folds) {}

    private ModelDescription() {}

    static ObjectNode of(Result result, Context context, Dataset<Row> rows, double[] residuals) {
        ObjectNode json = JSON.createObjectNode();
        ModelResult chosen = result.chosen();
        json.put("format_version", FORMAT);
        json.put("version", context.version());
        json.put("run_date", context.runDate().toString());
        json.put("dataset", context.dataset());
        json.put("table", context.table());
        json.put("table_version", context.tableVersion());
        json.put("target", result.target().column());
        json.put("target_label", context.label().apply(context.table(), result.target().column()));
        json.put("target_unit", context.units().get(result.target().column()));
        json.put("task", result.target().task().key());
        json.put("task_decision", result.target().decision());
        json.put("model", chosen.kind().key());
        json.put("model_label", chosen.kind().label());
        json.put("scaled_features", chosen.kind().scaled());
        ObjectNode params = json.putObject("parameters");
        chosen.bestCombination().values().forEach((name, value) -> params.putPOJO(name, value));
        ArrayNode labels = json.putArray("labels");
        result.target().labels().forEach(labels::add);
        json.put("primary_metric", result.metric());
        json.put("primary_metric_reason", result.metricReason());
        ObjectNode metrics = json.putObject("metrics");
        metrics.put("cv_mean", chosen.bestMean());
        metrics.put("cv_std", chosen.bestStd());
        metrics.put("folds", context.folds());
        ObjectNode test = metrics.putObject("test");
        for (String metric : result.target().task() == Task.REGRESSION ? io.datapilot.core.config.TrainConfig.REGRESSION_METRICS
                : io.datapilot.core.config.TrainConfig.CLASSIFICATION_METRICS) {
            double value = chosen.test().get(metric);
            if (Double.isFinite(value)) {
                test.put(metric, value);
            }
        }
        if (residuals != null) {
            ObjectNode interval = json.putObject("residuals");
            interval.put("p05", residuals[0]);
            interval.put("p50", residuals[1]);
            interval.put("p95", residuals[2]);
            interval.put("note", "actual − predicted on the test rows; [prediction + p05, prediction + p95] holds about 90 % of them");
        }
        ObjectNode counts = json.putObject("rows");
        counts.put("table", result.target().rows());
        counts.put("without_target", result.target().withoutTarget());
        counts.put("dropped_classes", result.target().droppedClassRows());
        counts.put("train", result.trainRows());
        counts.put("test", result.testRows());
        counts.put("final_model", result.target().used());
        json.put("training_seconds", result.models().stream().mapToDouble(ModelResult::seconds).sum() + result.finalSeconds());
        json.put("final_fit_seconds", result.finalSeconds());
        json.put("datapilot_version", context.datapilotVersion());
        json.set("features", features(result, context, rows));
        ArrayNode excluded = json.putArray("excluded");
        result.selection().exclusions().forEach(exclusion -> excluded.addObject().put("column", exclusion.column())
                .put("reason", exclusion.reason()));
        return json;
    }

    /** Each feature with its label, unit, type, and range (numbers, dates) or allowed values (labels, by frequency). */
    private static ArrayNode features(Result result, Context context, Dataset<Row> rows) {
        List<Feature> features = result.selection().features();
        PipelineModel fitted = result.finalModel();
        FeatureLayout layout = FeatureLayout.of(features);
        Map<Integer, String[]> allowed = new HashMap<>();
        // the feature pipeline has an indexer when there are labels, an imputer when there are numbers
        if (!layout.categorical().isEmpty()) {
            StringIndexerModel indexer = FeaturePipeline.stage(fitted, StringIndexerModel.class);
            List<String> inputs = List.of(indexer.getInputCols());
            for (FeatureLayout.Prepared prepared : layout.categorical()) {
                allowed.put(prepared.feature(), indexer.labelsArray()[inputs.indexOf(prepared.name())]);
            }
        }
        // the imputer's surrogate (median) of each number, by the prepared column it fills (a surrogate column per input)
        Map<Integer, Double> medians = new HashMap<>();
        if (!layout.numeric().isEmpty()) {
            Row surrogates = FeaturePipeline.stage(fitted, ImputerModel.class).surrogateDF().first();
            for (FeatureLayout.Prepared prepared : layout.numeric()) {
                // a date's median is that of its days (the month and weekday are imputed apart)
                if (prepared.part() == FeatureLayout.Part.VALUE || prepared.part() == FeatureLayout.Part.DAYS) {
                    medians.put(prepared.feature(), surrogates.getDouble(surrogates.fieldIndex(prepared.name())));
                }
            }
        }
        List<Column> ranges = new ArrayList<>();
        for (Feature feature : features) {
            if (feature.kind() != FeatureKind.CATEGORICAL) {
                Column column = col(io.datapilot.core.text.Names.quoted(feature.column()));
                ranges.add(min(column).cast("string"));
                ranges.add(max(column).cast("string"));
                ranges.add(count(column));
            }
        }
        Row range = ranges.isEmpty() ? null : rows.agg(ranges.get(0), ranges.subList(1, ranges.size()).toArray(Column[]::new)).first();
        ArrayNode array = JSON.createArrayNode();
        int at = 0;
        for (int i = 0; i < features.size(); i++) {
            Feature feature = features.get(i);
            ObjectNode node = array.addObject();
            node.put("column", feature.column());
            node.put("kind", feature.kind().name().toLowerCase(java.util.Locale.ROOT));
            node.put("label", context.label().apply(context.table(), feature.column()));
            node.put("unit", context.units().get(feature.column()));
            node.put("type", rows.schema().apply(feature.column()).dataType().simpleString());
            if (feature.kind() == FeatureKind.CATEGORICAL) {
                ArrayNode values = node.putArray("values");
                for (String value : allowed.getOrDefault(i, new String[0])) {
                    values.add(value);
                }
            } else {
                node.put("min", range.isNullAt(at) ? null : range.getString(at));
                node.put("max", range.isNullAt(at + 1) ? null : range.getString(at + 1));
                node.put("present", range.getLong(at + 2));
                at += 3;
                if (medians.containsKey(i) && feature.kind() == FeatureKind.DATE) {
                    node.put("median", LocalDate.ofEpochDay(Math.round(medians.get(i))).toString());
                } else if (medians.containsKey(i)) {
                    node.put("median", medians.get(i));
                }
            }
        }
        return array;
    }
}
