package io.datapilot.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.config.TargetConfig;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.RecordRows;
import io.datapilot.core.delta.RecordRows.Tagged;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.stages.StageOutcome;
import io.datapilot.core.text.ConsoleTable;
import io.datapilot.core.text.Numbers;
import io.datapilot.ml.Explanations.Detail;
import io.datapilot.ml.TargetTraining.ModelResult;
import io.datapilot.ml.TargetTraining.Result;
import io.datapilot.ml.TrainingData.Selection;
import io.datapilot.ml.TrainingData.Target;
import io.datapilot.ml.features.FeaturePipeline;
import io.datapilot.ml.scorer.export.ScorerExport;
import io.datapilot.report.Texts;
import io.datapilot.report.VariableLabels;
import io.datapilot.stats.Variables;
import java.io.PrintStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.NumericType;

/**
 * The training stage: for each target of {@code dataset.targets}, on the tuned data set of the run
 * date, the checks, the split, every model's cross-validated grid search, the leaderboard and the
 * final model, saved with its {@code model.json}, local scorer and model card under
 * {@code <warehouse>/models/<dataset>/<target>/<run date>/}. Tables (gold, one partition per run
 * date): {@code ml_features}, {@code ml_split}, {@code cv_results}, {@code leaderboard},
 * {@code model_details}.
 */
public final class TrainStage {
    public static final List<String> TABLES = List.of("ml_features", "ml_split", "cv_results", "leaderboard", "model_details");
    /** The column of the predicted label in the saved pipeline's output (classification). */
    public static final String PREDICTED_LABEL = "prediction_label";

    /** Why a column is or is not a feature (gold.ml_features). */
    public record FeatureRow(String target, String column, String label, String kind, boolean used, String reason) {}

    /** One combination of a model's grid (gold.cv_results). */
    public record CvRow(String target, String model, String params, String metric, double mean, double std, int rank, boolean best) {}

    /** One model's best combination (gold.leaderboard). */
    public record LeaderRow(String target, String task, String model, String modelLabel, String bestParams, String metric, double cvMean,
            double cvStd, double testRmse, double testMae, double testMse, double testR2, double testAccuracy, double testF1Macro,
            double testPrecisionWeighted, double testRecallWeighted, double testRocAuc, double testPrAuc, double trainingSeconds,
            int rank, boolean chosen, String modelVersion, String modelPath) {}

    private TrainStage() {}

    public static StageOutcome outcome(RunContext context) {
        List<Result> results = train(context);
        long rows = results.stream().mapToLong(result -> result.target().used()).sum();
        return new StageOutcome(rows, rows, 0);
    }

    public static List<Result> train(RunContext context) {
        PipelineConfig config = context.config();
        PrintStream err = context.err();
        if (config.dataset() == null || config.dataset().targets().isEmpty()) {
            err.println("[train] no dataset.targets in the configuration: nothing to train. Name the columns to predict in"
                    + " dataset.targets (docs/CONFIG.md).");
            return List.of();
        }
        SparkSession spark = context.spark();
        Warehouse warehouse = context.warehouse();
        String dataset = config.dataset().name();
        String path = warehouse.table(Layer.SILVER, dataset);
        String table = "silver." + dataset;
        if (!DeltaIO.exists(spark, path)) {
            throw new DatapilotException(ErrorKind.DATA, "Cannot train on " + table + ": the table does not exist in " + warehouse.root()
                    + ". Run `datapilot load --run-date " + context.runDate() + "` first (or `datapilot run --from load`).");
        }
        long tableVersion = io.delta.tables.DeltaTable.forPath(spark, path).history(1).first().getLong(0);
        Dataset<Row> data = DeltaIO.readRunDate(spark, path, context.runDate());
        Map<String, Variables.Described> dictionary = Variables.dictionary(spark, warehouse, context.runDate(), dataset);
        if (dictionary.isEmpty()) {
            throw new DatapilotException(ErrorKind.DATA, "Cannot train on " + table + ": audit.data_dictionary has no entry of bronze."
                    + dataset + " for run date " + context.runDate() + ", and it says which columns are personal data or identifiers,"
                    + " which are never features. Run `datapilot profile --run-date " + context.runDate() + "` first.");
        }
        Labels labels = labels(spark, warehouse, context, config);
        List<String> keys = config.source(config.dataset().base()).key();
        Set<String> targets = new LinkedHashSet<>();
        config.dataset().targets().forEach(target -> targets.add(target.column()));
        List<Result> results = new ArrayList<>();
        List<Tagged<FeatureRow>> featureRows = new ArrayList<>();
        List<Tagged<CvRow>> cvRows = new ArrayList<>();
        List<Tagged<LeaderRow>> leaderRows = new ArrayList<>();
        List<Tagged<Detail>> detailRows = new ArrayList<>();
        List<Dataset<Row>> splits = new ArrayList<>();
        TrainingData.Profile profile = TrainingData.profile(data, targets, new LinkedHashSet<>(keys), dictionary, config.train());
        String fairnessColumn = config.train().fairness().by();
        Column group = fairnessColumn == null ? null : fairnessGroup(data, fairnessColumn, table);
        for (TargetConfig targetConfig : config.dataset().targets()) {
            Target target = TrainingData.target(data, table, targetConfig.column(), targetConfig.kind(), config.train(), profile);
            Set<String> others = new LinkedHashSet<>(targets);
            others.remove(target.column());
            Selection selection = TrainingData.features(data, target.column(), new LinkedHashSet<>(keys), others, dictionary, config.train(),
                    profile);
            if (selection.features().isEmpty()) {
                throw new DatapilotException(ErrorKind.DATA, "The target " + target.column() + " has no feature to learn from: every other"
                        + " column of " + table + " is left out (" + String.join("; ", selection.exclusions().stream()
                        .map(exclusion -> exclusion.column() + ": " + exclusion.reason()).toList()) + ").");
            }
            Result result = TargetTraining.train(data, target, selection, keys, group, config.train(), err);
            results.add(result);
            String version = context.runDate().toString();
            String folder = ModelStore.folder(warehouse.root(), dataset, target.column(), version);
            ModelDescription.Context described = new ModelDescription.Context(dataset, table, tableVersion, context.runDate(), version,
                    labels.of, labels.units, datapilotVersion(), config.train().folds());
            List<String> names = FeaturePipeline.expandedNames(result.finalModel(), selection.features()).stream()
                    .map(name -> readable(name, selection, table, labels)).toList();
            List<Detail> importances = new ArrayList<>(Explanations.importances(target.column(), result.chosen().kind(),
                    result.finalModel(), names, target.labels()));
            if (importances.isEmpty()) {
                // KNN and the perceptron: what each feature is worth, measured by shuffling it on the test rows
                importances = PermutationImportance.compute(spark, result, target.labels(), table, labels.of, config.train().seed());
            }
            double[] residuals = target.task() == Task.REGRESSION ? Explanations.residualQuantiles(result.chosenTestPredictions()) : null;
            ModelCard.Fairness fairness = null;
            if (group != null) {
                List<Explanations.Group> groups = Explanations.groups(result.chosenTestPredictions(), target.task());
                fairness = new ModelCard.Fairness(fairnessColumn, groups, Explanations.disparity(groups, target.task(), false),
                        target.classes() == 2 ? Explanations.disparity(groups, target.task(), true) : Double.NaN,
                        config.train().fairness().minRatio());
                for (Explanations.Group g : groups) {
                    detailRows.add(new Tagged<>(table, new Detail(target.column(), result.chosen().kind().key(), "fairness", g.group(),
                            target.task() == Task.REGRESSION ? "rmse" : "accuracy", g.metric())));
                    detailRows.add(new Tagged<>(table, new Detail(target.column(), result.chosen().kind().key(), "fairness", g.group(),
                            "rows", g.rows())));
                }
                if (fairness.warns()) {
                    err.println("[train] " + target.column() + ": WARNING the metrics differ between the groups of " + fairnessColumn
                            + " (disparity ratio " + Numbers.decimal(fairness.metricRatio(), 2) + ", threshold "
                            + Numbers.decimal(fairness.threshold(), 2) + "); see the model card before any use.");
                }
            }
            String card = ModelCard.markdown(result, described, config, importances, fairness);
            String json = ModelDescription.of(result, described, data.where(col(io.datapilot.core.text.Names.quoted(target.column())).isNotNull()),
                    residuals).toPrettyString();
            PipelineModel scoring = scoring(result);
            ModelStore.replace(spark, folder, directory -> {
                ModelStore.writePipeline(scoring, directory);
                ModelStore.writeText(spark, directory + "/" + ModelStore.MODEL_JSON, json);
                ModelStore.writeText(spark, directory + "/" + ModelStore.CARD, card);
                ScorerExport.write(spark, result.finalModel(), selection.features(), target.task().key(), target.labels(), directory);
            });
            err.println("[train] " + target.column() + ": final model " + result.chosen().kind().key() + " (" + result.chosen()
                    .bestCombination().text() + ") refitted on " + Numbers.count(target.used()) + " rows in "
                    + Numbers.decimal(result.finalSeconds(), 1) + " s, saved to " + folder);
            // the path below the warehouse, so that the same run gives the same row wherever the warehouse lives
            String relative = folder.substring(warehouse.root().length() + 1);
            rows(result, table, version, relative, labels, importances, residuals, featureRows, cvRows, leaderRows, detailRows);
            splits.add(result.split().select(lit(target.column()).as("target"), col(Split.KEY).as("key"), col(Split.SET).as("set"),
                    col(Split.FOLD).as("fold")));
        }
        write(spark, warehouse, context, table, featureRows, cvRows, leaderRows, detailRows, splits);
        results.forEach(Result::release);
        print(context.out(), results);
        return results;
    }

    /**
     * The cross-validated grid search and final fit of one target, without writing anything: for the
     * benchmarks. Returns the chosen model and its parameters.
     */
    public static String searchOnly(SparkSession spark, PipelineConfig config, Warehouse warehouse, java.time.LocalDate runDate,
            String column, io.datapilot.core.config.TrainConfig train, PrintStream err) {
        String dataset = config.dataset().name();
        Dataset<Row> data = DeltaIO.readRunDate(spark, warehouse.table(Layer.SILVER, dataset), runDate);
        TargetConfig declared = config.dataset().targets().stream().filter(t -> t.column().equals(column)).findFirst().orElseThrow();
        Set<String> others = new LinkedHashSet<>();
        config.dataset().targets().forEach(t -> others.add(t.column()));
        List<String> keys = config.source(config.dataset().base()).key();
        Map<String, Variables.Described> dictionary = Variables.dictionary(spark, warehouse, runDate, dataset);
        TrainingData.Profile profile = TrainingData.profile(data, others, new LinkedHashSet<>(keys), dictionary, train);
        Target target = TrainingData.target(data, "silver." + dataset, column, declared.kind(), train, profile);
        others.remove(column);
        Selection selection = TrainingData.features(data, column, new LinkedHashSet<>(keys), others, dictionary, train, profile);
        Result result = TargetTraining.train(data, target, selection, keys, null, train, err);
        result.release();
        return result.chosen().kind().key() + " (" + result.chosen().bestCombination().text() + ")";
    }

    /** The saved pipeline: the fitted features and model, plus the predicted label of a classification. */
    private static PipelineModel scoring(Result result) {
        if (result.target().task() == Task.REGRESSION) {
            return result.finalModel();
        }
        IndexToString back = new IndexToString().setInputCol(FeaturePipeline.PREDICTION).setOutputCol(PREDICTED_LABEL)
                .setLabels(result.target().labels().toArray(String[]::new));
        return new Pipeline().setStages(new PipelineStage[] {result.finalModel(), back}).fit(result.split().limit(0));
    }

    /** A slot of the features vector in the client's words: the column's label, the date part or the category. */
    private static String readable(String slot, Selection selection, String table, Labels labels) {
        for (io.datapilot.ml.features.Feature feature : selection.features()) {
            String column = feature.column();
            String label = labels.of().apply(table, column);
            if (slot.equals(column)) {
                return label;
            }
            if (slot.startsWith(column + " = ")) {
                return label + slot.substring(column.length());
            }
            for (io.datapilot.ml.features.FeatureLayout.Part part : io.datapilot.ml.features.FeatureLayout.Part.values()) {
                if (part != io.datapilot.ml.features.FeatureLayout.Part.VALUE && slot.equals(column + part.suffix())) {
                    return label + " (" + part.suffix().substring(2).replace('_', ' ') + ")";
                }
            }
        }
        return slot;
    }

    /** Numbers become quartile bands, labels stay as they are. */
    private static Column fairnessGroup(Dataset<Row> data, String column, String table) {
        if (!java.util.Arrays.asList(data.columns()).contains(column)) {
            throw new DatapilotException(ErrorKind.CONFIG, "train.fairness.by: " + column + " is not a column of " + table + "; "
                    + io.datapilot.core.text.Similarity.suggestion(column, List.of(data.columns())) + "name the sensitive attribute"
                    + " whose groups the model card compares (sex, age band…).");
        }
        Column value = col(io.datapilot.core.text.Names.quoted(column));
        if (!(data.schema().apply(column).dataType() instanceof NumericType)) {
            return value.cast("string");
        }
        double[] q = data.stat().approxQuantile(column, new double[] {0.25, 0.5, 0.75}, 0.01);
        return when(value.isNull(), lit(null).cast("string"))
                .when(value.leq(q[0]), lit("≤ " + Numbers.decimal(q[0], 2)))
                .when(value.leq(q[1]), lit(Numbers.decimal(q[0], 2) + " – " + Numbers.decimal(q[1], 2)))
                .when(value.leq(q[2]), lit(Numbers.decimal(q[1], 2) + " – " + Numbers.decimal(q[2], 2)))
                .otherwise(lit("> " + Numbers.decimal(q[2], 2)));
    }

    private static void rows(Result result, String table, String version, String folder, Labels labels, List<Detail> importances,
            double[] residuals, List<Tagged<FeatureRow>> featureRows, List<Tagged<CvRow>> cvRows, List<Tagged<LeaderRow>> leaderRows,
            List<Tagged<Detail>> detailRows) {
        String target = result.target().column();
        result.selection().features().forEach(feature -> featureRows.add(new Tagged<>(table, new FeatureRow(target, feature.column(),
                labels.of().apply(table, feature.column()), feature.kind().name().toLowerCase(java.util.Locale.ROOT), true, null))));
        result.selection().exclusions().forEach(exclusion -> featureRows.add(new Tagged<>(table, new FeatureRow(target,
                exclusion.column(), labels.of().apply(table, exclusion.column()), null, false, exclusion.reason()))));
        boolean larger = Metrics.largerIsBetter(result.metric());
        List<ModelResult> ranked = new ArrayList<>(result.models());
        ranked.sort((a, b) -> larger ? Double.compare(b.bestMean(), a.bestMean()) : Double.compare(a.bestMean(), b.bestMean()));
        for (ModelResult model : result.models()) {
            Integer[] order = new Integer[model.means().length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> larger ? Double.compare(model.means()[b], model.means()[a])
                    : Double.compare(model.means()[a], model.means()[b]));
            for (int position = 0; position < order.length; position++) {
                int i = order[position];
                cvRows.add(new Tagged<>(table, new CvRow(target, model.kind().key(), model.combinations().get(i).text(), result.metric(),
                        model.means()[i], model.stds()[i], position + 1, i == model.best())));
            }
            Metrics.Scores test = model.test();
            boolean chosen = model == result.chosen();
            leaderRows.add(new Tagged<>(table, new LeaderRow(target, result.target().task().key(), model.kind().key(), model.kind().label(),
                    model.bestCombination().text(), result.metric(), model.bestMean(), model.bestStd(), test.rmse(), test.mae(), test.mse(),
                    test.r2(), test.accuracy(), test.f1Macro(), test.precisionWeighted(), test.recallWeighted(), test.rocAuc(), test.prAuc(),
                    model.seconds(), ranked.indexOf(model) + 1, chosen, chosen ? version : null, chosen ? folder : null)));
            if (result.target().task() == Task.CLASSIFICATION) {
                Explanations.classification(target, model.kind(), test, result.target().labels())
                        .forEach(detail -> detailRows.add(new Tagged<>(table, detail)));
            }
        }
        importances.forEach(detail -> detailRows.add(new Tagged<>(table, detail)));
        if (residuals != null) {
            String[] names = {"p05", "p50", "p95"};
            for (int i = 0; i < names.length; i++) {
                detailRows.add(new Tagged<>(table, new Detail(target, result.chosen().kind().key(), "residual", names[i], "", residuals[i])));
            }
        }
    }

    private static void write(SparkSession spark, Warehouse warehouse, RunContext context, String table,
            List<Tagged<FeatureRow>> featureRows, List<Tagged<CvRow>> cvRows, List<Tagged<LeaderRow>> leaderRows,
            List<Tagged<Detail>> detailRows, List<Dataset<Row>> splits) {
        Timestamp at = Timestamp.from(Instant.now());
        Date runDate = Date.valueOf(context.runDate());
        String message = "datapilot train " + context.runDate();
        write(spark, warehouse, context, "ml_features", RecordRows.frame(spark, FeatureRow.class, featureRows, at, runDate), message);
        Dataset<Row> split = splits.stream().reduce(Dataset::unionByName).orElseThrow()
                .withColumn("table", lit(table)).withColumn("_computed_at", lit(at)).withColumn(DeltaIO.RUN_DATE, lit(runDate));
        write(spark, warehouse, context, "ml_split", split.select("table", "target", "key", "set", "fold", "_computed_at",
                DeltaIO.RUN_DATE), message);
        write(spark, warehouse, context, "cv_results", RecordRows.frame(spark, CvRow.class, cvRows, at, runDate), message);
        write(spark, warehouse, context, "leaderboard", RecordRows.frame(spark, LeaderRow.class, leaderRows, at, runDate), message);
        write(spark, warehouse, context, "model_details", RecordRows.frame(spark, Detail.class, detailRows, at, runDate), message);
    }

    private static void write(SparkSession spark, Warehouse warehouse, RunContext context, String name, Dataset<Row> rows, String message) {
        DeltaIO.replaceRunDate(rows, warehouse.table(Layer.GOLD, name), context.runDate(), null, message);
    }

    /** Labels and units of the data set's columns, from the data dictionary and the configuration. */
    private record Labels(java.util.function.BiFunction<String, String, String> of, Map<String, String> units) {}

    private static Labels labels(SparkSession spark, Warehouse warehouse, RunContext context, PipelineConfig config) {
        List<VariableLabels.Entry> entries = VariableLabels.entries(spark, warehouse, context.runDate());
        VariableLabels labels = VariableLabels.of(entries, config, new Texts(config.reportLocale()),
                List.of("silver." + config.dataset().name()));
        Map<String, String> units = new HashMap<>();
        for (VariableLabels.Entry entry : entries) {
            if (entry.table().endsWith("." + config.dataset().name()) && entry.unit() != null) {
                units.put(entry.column(), entry.unit());
            }
        }
        return new Labels(labels::of, units);
    }

    private static String datapilotVersion() {
        String version = TrainStage.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    private static void print(PrintStream out, List<Result> results) {
        for (Result result : results) {
            out.println();
            out.println("Leaderboard of " + result.target().column() + " (" + result.target().task().key() + ", gold.leaderboard): ranked"
                    + " by cross-validated " + result.metric() + " — " + result.metricReason());
            boolean regression = result.target().task() == Task.REGRESSION;
            ConsoleTable table = regression ? ConsoleTable.of("rank", "model", "best parameters", "CV " + result.metric(), "± std",
                    "test RMSE", "test MAE", "test R²", "seconds")
                    : ConsoleTable.of("rank", "model", "best parameters", "CV " + result.metric(), "± std", "test accuracy",
                    "test macro F1", "test ROC AUC", "seconds");
            boolean larger = Metrics.largerIsBetter(result.metric());
            List<ModelResult> ranked = new ArrayList<>(result.models());
            ranked.sort((a, b) -> larger ? Double.compare(b.bestMean(), a.bestMean()) : Double.compare(a.bestMean(), b.bestMean()));
            Function<Double, String> number = value -> Double.isFinite(value) ? Numbers.decimal(value, 4) : "";
            for (int i = 0; i < ranked.size(); i++) {
                ModelResult model = ranked.get(i);
                Metrics.Scores test = model.test();
                table.row(String.valueOf(i + 1) + (model == result.chosen() ? " *" : ""), model.kind().key(), model.bestCombination().text(),
                        number.apply(model.bestMean()), number.apply(model.bestStd()),
                        number.apply(regression ? test.rmse() : test.accuracy()), number.apply(regression ? test.mae() : test.f1Macro()),
                        number.apply(regression ? test.r2() : test.rocAuc()), Numbers.decimal(model.seconds(), 1));
            }
            out.print(table.render());
            if (!result.skipped().isEmpty()) {
                out.println("Not trained for this target: " + String.join(", ", result.skipped()) + ".");
            }
        }
    }
}
