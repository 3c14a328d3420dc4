package io.datapilot.report;

import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.report.Page.Figure;
import io.datapilot.report.Page.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * The models page ({@code modeles.html}), one section per target, from the tables of the train
 * stage (gold.leaderboard, gold.cv_results, gold.model_details) and the chosen model's folder
 * (model.json, model_card.md): the chosen model and why its metric, the leaderboard with the
 * cross-validated metric of each model and its spread, every combination of the grids, the
 * confusion matrix and per-class figures (classification) or the residual quantiles (regression),
 * the strongest importances or coefficients, the metrics per group, and the model card. Without
 * any model trained for the run date, the page says so in one sentence.
 */
final class ModelsPage implements ReportPage {
    static final String FILE = "modeles.html";

    @Override
    public Page build(PageContext context) {
        Texts texts = context.texts();
        Map<String, List<Row>> boards = leaderboards(context);
        if (boards.isEmpty()) {
            return new Page(FILE, texts.get("page.models"), texts.get("models.none", context.formats().date(context.runDate())), List.of());
        }
        List<Section> sections = new ArrayList<>();
        boards.forEach((target, board) -> sections.add(new ModelSection(context, target, board).section()));
        return new Page(FILE, texts.get("page.models"), texts.get("page.models.intro"), sections);
    }

    /** The key figures of the index: each target's chosen model and its test score on the primary metric. */
    static List<Figure> bestModels(PageContext context) {
        Texts texts = context.texts();
        List<Figure> figures = new ArrayList<>();
        leaderboards(context).forEach((target, board) -> {
            Row chosen = chosen(board);
            String metric = chosen.getAs("metric");
            figures.add(new Figure(texts.get("key.model.target", context.labels().of(chosen.<String>getAs("table"), target)),
                    chosen.<String>getAs("model_label"), texts.get("key.model.test", metricName(texts, metric),
                            context.formats().number(test(chosen, metric)))));
        });
        if (figures.isEmpty()) {
            figures.add(new Figure(texts.get("key.model"), texts.get("key.model.none"), texts.get("key.model.detail")));
        }
        return figures;
    }

    /** The leaderboard rows of the run date by target (the configured order first), each ranked. */
    private static Map<String, List<Row>> leaderboards(PageContext context) {
        List<Row> rows = context.tables().rows(Layer.GOLD, "leaderboard", "target IS NOT NULL ORDER BY target, rank", "table", "target",
                "task", "model", "model_label", "best_params", "metric", "cv_mean", "cv_std", "test_rmse", "test_mae", "test_mse", "test_r2",
                "test_accuracy", "test_f1_macro", "test_precision_weighted", "test_recall_weighted", "test_roc_auc", "test_pr_auc",
                "training_seconds", "rank", "chosen", "model_path");
        Map<String, List<Row>> byTarget = new TreeMap<>();
        rows.forEach(row -> byTarget.computeIfAbsent(row.getAs("target"), k -> new ArrayList<>()).add(row));
        Map<String, List<Row>> ordered = new LinkedHashMap<>();
        if (context.config().dataset() != null) {
            context.config().dataset().targets().stream().map(t -> t.column()).filter(byTarget::containsKey)
                    .forEach(target -> ordered.put(target, byTarget.get(target)));
        }
        byTarget.forEach(ordered::putIfAbsent);
        return ordered;
    }

    static Row chosen(List<Row> board) {
        return board.stream().filter(row -> Boolean.TRUE.equals(row.getAs("chosen"))).findFirst().orElse(board.get(0));
    }

    /** The leaderboard column of a metric's test score. */
    static String testColumn(String metric) {
        return switch (metric) {
            case "f1" -> "test_f1_macro";
            case "weighted_precision" -> "test_precision_weighted";
            case "weighted_recall" -> "test_recall_weighted";
            default -> "test_" + metric;
        };
    }

    static double test(Row row, String metric) {
        Object value = row.getAs(testColumn(metric));
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    static String metricName(Texts texts, String metric) {
        return texts.get("metric." + metric);
    }

    static boolean largerIsBetter(String metric) {
        return !List.of("rmse", "mae", "mse").contains(metric);
    }
}
