package io.datapilot.governance.kpi;

import static org.apache.spark.sql.functions.col;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.text.Names;
import io.datapilot.governance.GovernanceTables;
import io.datapilot.governance.drift.Bin;
import io.datapilot.governance.drift.DriftRow;
import io.datapilot.governance.drift.FeatureDrift;
import io.datapilot.governance.drift.Psi;
import io.datapilot.ml.ModelStore;
import io.datapilot.ml.TrainStage;
import io.datapilot.ml.features.FeaturePipeline;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The model KPIs of the run date: the leaderboard's figures with their change since the previous run
 * date, and the drift (PSI) of every feature and of the chosen model's predictions on the data set.
 */
public final class ModelKpis {
    public static final String TABLE = "model_kpis";
    public static final String DRIFT = "feature_drift";
    public static final String BINS = "feature_bins";
    /** The variable name of a target's predictions in the drift tables. */
    public static final String PREDICTION = "prediction:";

    /** What the model part wrote. */
    public record Result(List<ModelKpi> kpis, List<DriftRow> drift) {}

    private ModelKpis() {}

    public static Result compute(GovernanceTables tables, PipelineConfig config) {
        List<Row> leaderboard = tables.rows(Layer.GOLD, "leaderboard", "target", "task", "model", "metric", "cv_mean", "cv_std", "rank",
                "chosen", "model_version", "model_path", "test_rmse", "test_mae", "test_mse", "test_r2", "test_accuracy", "test_f1_macro",
                "test_precision_weighted", "test_recall_weighted", "test_roc_auc", "test_pr_auc", "model_label");
        if (leaderboard.isEmpty() || config.dataset() == null) {
            return new Result(List.of(), List.of());
        }
        Map<String, List<String>> features = new LinkedHashMap<>();
        for (Row row : tables.rows(Layer.GOLD, "ml_features", "target", "column", "used")) {
            if (!row.isNullAt(2) && row.getBoolean(2)) {
                features.computeIfAbsent(row.getString(0), target -> new ArrayList<>()).add(row.getString(1));
            }
        }
        Map<String, String> chosenPaths = new LinkedHashMap<>();
        Map<String, String> tasks = new HashMap<>();
        for (Row row : leaderboard) {
            if (!row.isNullAt(7) && row.getBoolean(7) && !row.isNullAt(8)) {
                // model_path is relative to the warehouse (the table stays valid when the warehouse moves)
                chosenPaths.put(row.getString(0), ModelStore.folder(config.warehouse(), config.dataset().name(), row.getString(0),
                        row.getString(8)));
                tasks.put(row.getString(0), row.getString(1));
            }
        }
        List<DriftRow> drift = drift(tables, config, features, chosenPaths, tasks);
        Map<String, Double> previous = previousTests(tables);
        List<ModelKpi> kpis = new ArrayList<>();
        for (Row row : leaderboard) {
            String target = row.getString(0);
            String model = row.getString(2);
            String metric = row.getString(3);
            Double test = testMetric(row, metric);
            boolean chosen = !row.isNullAt(7) && row.getBoolean(7);
            Double before = previous.get(target + "\u0000" + model);
            Double predictionPsi = chosen ? drift.stream().filter(d -> d.target().equals(target) && d.variable().equals(PREDICTION + target))
                    .map(DriftRow::psi).filter(java.util.Objects::nonNull).findFirst().orElse(null) : null;
            Double maxFeature = drift.stream().filter(d -> d.target().equals(target) && !d.variable().startsWith(PREDICTION) && d.psi() != null)
                    .map(DriftRow::psi).max(Double::compare).orElse(null);
            kpis.add(new ModelKpi(target, row.getString(1), model, row.isNullAt(20) ? model : row.getString(20), metric, doubleOrNull(row, 4), doubleOrNull(row, 5), test,
                    row.isNullAt(6) ? null : row.getInt(6), chosen, before, before == null || test == null ? null : test - before,
                    predictionPsi, maxFeature, band(config, predictionPsi, maxFeature), row.isNullAt(8) ? null : row.getString(8)));
        }
        return new Result(kpis, drift);
    }

    private static String band(PipelineConfig config, Double predictionPsi, Double maxFeature) {
        Double worst = predictionPsi;
        if (worst == null || (maxFeature != null && maxFeature > worst)) {
            worst = maxFeature;
        }
        return worst == null ? DriftRow.NO_REFERENCE
                : Psi.band(worst, config.governance().psiWarning(), config.governance().psiAlert()).key();
    }

    private static List<DriftRow> drift(GovernanceTables tables, PipelineConfig config, Map<String, List<String>> features,
            Map<String, String> chosenPaths, Map<String, String> tasks) {
        Warehouse warehouse = new Warehouse(config.warehouse());
        String silver = warehouse.table(Layer.SILVER, config.dataset().name());
        if (!DeltaIO.exists(tables.spark(), silver)) {
            return List.of();
        }
        Dataset<Row> data = DeltaIO.readRunDate(tables.spark(), silver, tables.runDate());
        Set<String> variables = new LinkedHashSet<>();
        features.values().forEach(variables::addAll);
        variables.retainAll(List.of(data.columns()));
        List<String> original = List.of(data.columns());
        for (Map.Entry<String, String> chosen : chosenPaths.entrySet()) {
            String target = chosen.getKey();
            PipelineModel pipeline = ModelStore.loadPipeline(chosen.getValue());
            boolean classification = "classification".equals(tasks.get(target));
            Dataset<Row> scored = pipeline.transform(data);
            List<Column> kept = new ArrayList<>();
            for (String name : data.columns()) {
                kept.add(col(Names.quoted(name)));
            }
            kept.add(col(classification ? TrainStage.PREDICTED_LABEL : FeaturePipeline.PREDICTION).as(PREDICTION + target));
            data = scored.select(kept.toArray(Column[]::new));
            variables.add(PREDICTION + target);
        }
        Optional<LocalDate> referenceDate = tables.previousRunDate(BINS);
        List<Bin> reference = referenceDate.map(date -> tables.rowsOf(BINS, date, "variable", "kind", "bin", "lower", "upper", "category",
                "count").stream().map(ModelKpis::bin).toList()).orElse(List.of());
        data = data.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        FeatureDrift.Distributions distributions;
        try {
            distributions = FeatureDrift.describe(data, List.copyOf(variables), reference);
        } finally {
            data.unpersist();
        }
        tables.write(BINS, Bin.class, distributions.bins());
        Map<String, List<Bin>> referenceByVariable = new HashMap<>();
        reference.forEach(bin -> referenceByVariable.computeIfAbsent(bin.variable(), name -> new ArrayList<>()).add(bin));
        List<DriftRow> rows = new ArrayList<>();
        for (String target : chosenPaths.keySet()) {
            List<String> own = new ArrayList<>(features.getOrDefault(target, List.of()));
            own.retainAll(original);
            own.add(PREDICTION + target);
            for (String variable : own) {
                String kind = distributions.bins().stream().filter(bin -> bin.variable().equals(variable)).map(Bin::kind).findFirst()
                        .orElse(Bin.CATEGORICAL);
                long[] current = distributions.countsInReference().get(variable);
                List<Bin> before = referenceByVariable.get(variable);
                if (current == null || before == null) {
                    rows.add(new DriftRow(target, variable, kind, null, DriftRow.NO_REFERENCE, null, 0));
                    continue;
                }
                double psi = Psi.of(FeatureDrift.referenceCounts(before, current.length), current);
                rows.add(new DriftRow(target, variable, kind, Double.isNaN(psi) ? null : psi, Double.isNaN(psi) ? DriftRow.NO_REFERENCE
                        : Psi.band(psi, config.governance().psiWarning(), config.governance().psiAlert()).key(), referenceDate.get(),
                        current.length));
            }
        }
        tables.write(DRIFT, DriftRow.class, rows);
        return rows;
    }

    private static Bin bin(Row row) {
        return new Bin(row.getString(0), row.getString(1), row.getInt(2), row.isNullAt(3) ? null : row.getDouble(3),
                row.isNullAt(4) ? null : row.getDouble(4), row.isNullAt(5) ? null : row.getString(5), row.getLong(6));
    }

    private static Map<String, Double> previousTests(GovernanceTables tables) {
        Map<String, Double> tests = new HashMap<>();
        tables.previousRunDate(TABLE).ifPresent(date -> {
            for (Row row : tables.rowsOf(TABLE, date, "target", "model", "test")) {
                if (!row.isNullAt(2)) {
                    tests.put(row.getString(0) + "\u0000" + row.getString(1), row.getDouble(2));
                }
            }
        });
        return tests;
    }

    /** The test value of the ranking metric (the leaderboard keeps every test metric in its own column). */
    static Double testMetric(Row row, String metric) {
        int index = switch (metric) {
            case "rmse" -> 10;
            case "mae" -> 11;
            case "mse" -> 12;
            case "r2" -> 13;
            case "accuracy" -> 14;
            case "f1" -> 15;
            case "weighted_precision" -> 16;
            case "weighted_recall" -> 17;
            case "roc_auc" -> 18;
            case "pr_auc" -> 19;
            default -> -1;
        };
        return index < 0 ? null : doubleOrNull(row, index);
    }

    private static Double doubleOrNull(Row row, int index) {
        return row.isNullAt(index) ? null : row.getDouble(index);
    }
}
