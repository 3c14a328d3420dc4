package io.datapilot.ml;

import io.datapilot.ml.features.Feature;
import io.datapilot.ml.features.FeaturePipeline;
import io.datapilot.ml.scorer.LocalScorer;
import io.datapilot.ml.scorer.Prediction;
import io.datapilot.ml.scorer.export.ScorerExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Permutation importance, for the models that have neither coefficients nor tree importances (KNN,
 * the perceptron): on at most {@link #ROWS} test rows, the drop of the primary metric when one
 * feature's values are shuffled among the rows (seeded), averaged over {@link #REPEATS} shuffles.
 * The model trained on the training rows only is scored, by the local scorer on the driver: one
 * bounded collect, no Spark job per feature.
 */
final class PermutationImportance {
    static final int ROWS = 1000;
    static final int REPEATS = 3;

    private PermutationImportance() {}

    static List<Explanations.Detail> compute(SparkSession spark, TargetTraining.Result result, List<String> labels, String table,
            java.util.function.BiFunction<String, String, String> label, long seed) {
        List<Feature> features = result.selection().features();
        Path folder;
        try {
            folder = Files.createTempDirectory("datapilot-permutation");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a temporary folder for the permutation importance: " + e.getMessage(), e);
        }
        try {
            PipelineModel fitted = result.chosen().fitted();
            ScorerExport.write(spark, fitted, features, result.target().task().key(), result.target().labels(), folder.toUri().toString());
            LocalScorer scorer = LocalScorer.load(folder);
            List<Column> columns = new ArrayList<>();
            features.forEach(feature -> columns.add(org.apache.spark.sql.functions.col(io.datapilot.core.text.Names.quoted(feature.column()))));
            columns.add(org.apache.spark.sql.functions.col(FeaturePipeline.LABEL));
            Dataset<Row> test = result.split().where(org.apache.spark.sql.functions.col(Split.SET).equalTo(Split.TEST));
            List<Row> rows = test.select(columns.toArray(Column[]::new)).limit(ROWS).collectAsList();
            List<Map<String, Object>> inputs = new ArrayList<>();
            double[] actual = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> values = new HashMap<>();
                for (int f = 0; f < features.size(); f++) {
                    Object value = rows.get(i).get(f);
                    values.put(features.get(f).column(), value instanceof java.sql.Date date ? date.toLocalDate()
                            : value instanceof java.sql.Timestamp time ? time.toLocalDateTime() : value);
                }
                inputs.add(values);
                actual[i] = rows.get(i).getDouble(features.size());
            }
            boolean regression = result.target().task() == Task.REGRESSION;
            double base = score(scorer, inputs, actual, regression);
            Random random = new Random(seed);
            List<Explanations.Detail> details = new ArrayList<>();
            for (Feature feature : features) {
                double drop = 0;
                for (int repeat = 0; repeat < REPEATS; repeat++) {
                    List<Object> shuffled = new ArrayList<>(inputs.stream().map(values -> values.get(feature.column())).toList());
                    java.util.Collections.shuffle(shuffled, random);
                    List<Map<String, Object>> permuted = new ArrayList<>();
                    for (int i = 0; i < inputs.size(); i++) {
                        Map<String, Object> values = new HashMap<>(inputs.get(i));
                        values.put(feature.column(), shuffled.get(i));
                        permuted.add(values);
                    }
                    double score = score(scorer, permuted, actual, regression);
                    // a larger error (regression) or a lower accuracy (classification) when the feature is shuffled
                    drop += regression ? score - base : base - score;
                }
                details.add(new Explanations.Detail(result.target().column(), result.chosen().kind().key(), "permutation",
                        label.apply(table, feature.column()), regression ? "rmse" : "accuracy", drop / REPEATS));
            }
            details.sort(Comparator.comparingDouble((Explanations.Detail detail) -> -detail.value()));
            return details;
        } finally {
            io.datapilot.core.fs.LocalFolders.deleteQuietly(folder);
        }
    }

    /** RMSE (regression) or accuracy (classification) of the scorer on the rows. */
    private static double score(LocalScorer scorer, List<Map<String, Object>> inputs, double[] actual, boolean regression) {
        double total = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Prediction prediction = scorer.score(inputs.get(i));
            if (regression) {
                double error = prediction.value() - actual[i];
                total += error * error;
            } else {
                total += prediction.value() == actual[i] ? 1 : 0;
            }
        }
        return regression ? Math.sqrt(total / Math.max(1, inputs.size())) : total / Math.max(1, inputs.size());
    }
}
