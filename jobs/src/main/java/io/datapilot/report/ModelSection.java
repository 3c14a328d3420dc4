package io.datapilot.report;

import static io.datapilot.report.ModelsPage.chosen;
import static io.datapilot.report.ModelsPage.largerIsBetter;
import static io.datapilot.report.ModelsPage.metricName;
import static io.datapilot.report.ModelsPage.test;

import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.report.Page.Block;
import io.datapilot.report.Page.ChartBlock;
import io.datapilot.report.Page.Heading;
import io.datapilot.report.Page.Paragraph;
import io.datapilot.report.Page.Section;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * The section of one target on the models page: its leaderboard rows (ranked) and what the page
 * reads about its chosen model in gold.cv_results, gold.model_details and the model's folder.
 */
final class ModelSection {
    private static final int TOP = 15;
    private static final List<String> REGRESSION_TESTS = List.of("rmse", "mae", "r2");
    private static final List<String> CLASSIFICATION_TESTS = List.of("accuracy", "f1", "weighted_precision", "weighted_recall", "roc_auc",
            "pr_auc");
    /** Sections of the model card that the page shows from the tables, with charts. */
    private static final List<String> CARD_SECTIONS_SHOWN_ABOVE = List.of("Performances", "Coefficients", "Importance", "Équité");

    private final PageContext context;
    private final Texts texts;
    private final Formats formats;
    private final String target;
    private final List<Row> board;
    private final Row chosen;
    private final String table;
    private final String label;
    private final String metric;
    private final boolean regression;
    private final String where;
    private final List<Block> blocks = new ArrayList<>();

    ModelSection(PageContext context, String target, List<Row> board) {
        this.context = context;
        this.texts = context.texts();
        this.formats = context.formats();
        this.target = target;
        this.board = board.stream().sorted(Comparator.comparingInt(row -> row.<Integer>getAs("rank"))).toList();
        this.chosen = chosen(board);
        this.table = chosen.getAs("table");
        this.label = context.labels().of(table, target);
        this.metric = chosen.getAs("metric");
        this.regression = "regression".equals(chosen.getAs("task"));
        this.where = "target = " + DeltaIO.quote(target);
    }

    Section section() {
        chosenModel();
        leaderboard();
        crossValidation();
        if (regression) {
            residuals();
        } else {
            confusion();
        }
        importances();
        fairness();
        card();
        return new Section("modele-" + Charts.slug(target), texts.get("models.target", label), texts.get("models.target.text",
                texts.get("models.task." + (regression ? "regression" : "classification")), formats.count(board.size()),
                metricName(texts, metric), formats.count(context.config().train().folds())), blocks);
    }

    private void chosenModel() {
        blocks.add(new Heading(3, texts.get("models.chosen")));
        blocks.add(new Paragraph(texts.get("models.chosen.text", chosen.<String>getAs("model_label"), chosen.<String>getAs("best_params"),
                metricName(texts, metric), formats.number(chosen.<Double>getAs("cv_mean")), formats.number(chosen.<Double>getAs("cv_std")),
                formats.number(test(chosen, metric)), texts.get(largerIsBetter(metric) ? "models.larger" : "models.smaller"))));
        blocks.add(new Paragraph(texts.get("models.metric.why", metricName(texts, metric), metricReason())));
    }

    /** Why the metric: chosen automatically for the data (model.json says so) or set in train.metric. */
    private String metricReason() {
        boolean automatic = folder().description().map(json -> json.path("primary_metric_reason").asText("").startsWith("auto"))
                .orElse("auto".equals(context.config().train().metric()));
        return automatic ? texts.get("models.metric.auto." + metric) : texts.get("models.metric.configured");
    }

    private void leaderboard() {
        blocks.add(new Heading(3, texts.get("models.leaderboard")));
        List<String> tests = (regression ? REGRESSION_TESTS : CLASSIFICATION_TESTS).stream()
                .filter(test -> board.stream().anyMatch(row -> Double.isFinite(test(row, test)))).toList();
        List<String> headers = new ArrayList<>(List.of(texts.column("rank"), texts.get("models.model"), texts.get("models.params"),
                texts.get("models.cv.mean", metricName(texts, metric)), texts.get("models.cv.std")));
        tests.forEach(test -> headers.add(texts.get("models.test", metricName(texts, test))));
        headers.addAll(List.of(texts.get("models.seconds"), texts.get("models.chosen.column")));
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : board) {
            List<Object> cells = new ArrayList<>(java.util.Arrays.asList(row.getAs("rank"), row.getAs("model_label"), row.getAs("best_params"),
                    row.getAs("cv_mean"), row.getAs("cv_std")));
            tests.forEach(test -> cells.add(test(row, test)));
            cells.add(row.getAs("training_seconds"));
            cells.add(row.getAs("chosen"));
            rows.add(cells);
        }
        blocks.add(context.tables().computed(texts.get("models.leaderboard.caption", label), headers, rows,
                sql("leaderboard", "rank, model_label, best_params, cv_mean, cv_std, " + String.join(", ", tests.stream()
                        .map(ModelsPage::testColumn).toList()) + ", training_seconds, chosen", " ORDER BY rank")));
        String name = metricName(texts, metric);
        blocks.add(new ChartBlock(context.charts().meanBars(context.chartId("cv-" + target), capitalised(texts.get("models.cv.chart", name, label)),
                texts.get("models.cv.chart.desc", name, formats.count(context.config().train().folds()), chosen.<String>getAs("model_label"),
                        formats.number(chosen.<Double>getAs("cv_mean")), formats.number(chosen.<Double>getAs("cv_std")),
                        texts.get(largerIsBetter(metric) ? "models.larger" : "models.smaller")),
                texts.get("models.model"), texts.get("models.cv.mean", name), texts.get("models.cv.std"),
                board.stream().map(row -> row.<String>getAs("model_label")).toList(),
                board.stream().map(row -> row.<Double>getAs("cv_mean")).toList(),
                board.stream().map(row -> row.<Double>getAs("cv_std")).toList()), List.of(target)));
    }

    private void crossValidation() {
        blocks.add(new Heading(3, texts.get("models.cv")));
        blocks.add(new Paragraph(texts.get("models.cv.text")));
        Map<String, String> modelLabels = new LinkedHashMap<>();
        board.forEach(row -> modelLabels.put(row.getAs("model"), row.getAs("model_label")));
        List<String> order = new ArrayList<>(modelLabels.keySet());
        List<Row> combinations = context.tables().rows(Layer.GOLD, "cv_results", where, "model", "params", "mean", "std", "rank", "best")
                .stream().sorted(Comparator.comparingInt((Row row) -> order.indexOf(row.getString(0)))
                        .thenComparingInt(row -> row.getInt(4))).toList();
        List<List<Object>> rows = combinations.stream().map(row -> List.<Object>of(modelLabels.getOrDefault(row.getString(0),
                row.getString(0)), row.getString(1), row.getDouble(2), row.getDouble(3), row.getInt(4), row.getBoolean(5))).toList();
        blocks.add(context.tables().computed(texts.get("models.cv.caption", label), List.of(texts.get("models.model"),
                texts.get("models.combination"), texts.get("models.cv.mean", metricName(texts, metric)), texts.get("models.cv.std"),
                texts.get("models.cv.rank"), texts.get("models.cv.best")), rows,
                sql("cv_results", "model, params, mean, std, rank, best", " ORDER BY model, rank")));
    }

    /** The figures of the chosen model in one section of gold.model_details. */
    private List<Row> details(String section) {
        return context.tables().rows(Layer.GOLD, "model_details", where + " AND model = " + DeltaIO.quote(chosen.<String>getAs("model"))
                + " AND section = " + DeltaIO.quote(section), "item", "item2", "value");
    }

    private String detailsSql(String section) {
        return sql("model_details", "item, item2, value", " AND model = " + DeltaIO.quote(chosen.<String>getAs("model")) + " AND section = "
                + DeltaIO.quote(section));
    }

    private void confusion() {
        List<Row> cells = details("confusion");
        if (cells.isEmpty()) {
            return;
        }
        blocks.add(new Heading(3, texts.get("models.confusion")));
        blocks.add(new Paragraph(texts.get("models.confusion.text", chosen.<String>getAs("model_label"))));
        List<String> classes = cells.stream().map(row -> row.getString(0)).distinct().sorted().toList();
        Map<String, Double> counts = new LinkedHashMap<>();
        cells.forEach(row -> counts.put(row.getString(0) + "\u0000" + row.getString(1), row.getDouble(2)));
        List<String> headers = new ArrayList<>(List.of(texts.get("models.confusion.actual")));
        classes.forEach(predicted -> headers.add(texts.get("models.confusion.predicted", predicted)));
        List<List<Object>> rows = new ArrayList<>();
        for (String actual : classes) {
            List<Object> row = new ArrayList<>(List.of(actual));
            classes.forEach(predicted -> row.add(Math.round(counts.getOrDefault(actual + "\u0000" + predicted, 0.0))));
            rows.add(row);
        }
        blocks.add(context.tables().computed(texts.get("models.confusion.caption", label), headers, rows, detailsSql("confusion")));
        Map<String, Map<String, Double>> byClass = new TreeMap<>();
        details("class").forEach(row -> byClass.computeIfAbsent(row.getString(0), k -> new LinkedHashMap<>()).put(row.getString(1),
                row.getDouble(2)));
        List<List<Object>> classRows = new ArrayList<>();
        byClass.forEach((name, figures) -> classRows.add(List.of(name, figures.getOrDefault("precision", Double.NaN),
                figures.getOrDefault("recall", Double.NaN), figures.getOrDefault("f1", Double.NaN),
                Math.round(figures.getOrDefault("support", 0.0)))));
        blocks.add(context.tables().computed(texts.get("models.classes.caption", label), List.of(texts.get("models.class"),
                texts.get("models.precision"), texts.get("models.recall"), texts.get("metric.f1.class"), texts.get("models.support")),
                classRows, detailsSql("class")));
    }

    private void residuals() {
        Map<String, Double> quantiles = new LinkedHashMap<>();
        details("residual").forEach(row -> quantiles.put(row.getString(0), row.getDouble(2)));
        if (quantiles.isEmpty()) {
            return;
        }
        blocks.add(new Heading(3, texts.get("models.residuals")));
        blocks.add(new Paragraph(texts.get("models.residuals.text", formats.number(quantiles.getOrDefault("p05", Double.NaN)),
                formats.number(quantiles.getOrDefault("p95", Double.NaN)), formats.number(quantiles.getOrDefault("p50", Double.NaN)))));
        List<List<Object>> rows = new ArrayList<>();
        for (String quantile : List.of("p05", "p50", "p95")) {
            rows.add(List.of(texts.get("models.residuals." + quantile), quantiles.getOrDefault(quantile, Double.NaN)));
        }
        blocks.add(context.tables().computed(texts.get("models.residuals.caption", label), List.of(texts.get("models.quantile"),
                texts.get("models.residual")), rows, detailsSql("residual")));
    }

    private void importances() {
        List<Row> importances = new ArrayList<>(details("importance"));
        String section = "importance";
        if (importances.isEmpty()) {
            importances.addAll(details("coefficient"));
            section = "coefficient";
        }
        blocks.add(new Heading(3, texts.get("models." + section + "s")));
        if (importances.isEmpty()) {
            blocks.add(new Paragraph(texts.get("models.importances.none", chosen.<String>getAs("model_label"))));
            return;
        }
        List<Row> strongest = importances.stream().sorted(Comparator.comparingDouble((Row row) -> -Math.abs(row.getDouble(2))))
                .limit(TOP).toList();
        List<String> names = strongest.stream().map(row -> row.getString(1) == null || row.getString(1).isEmpty() ? row.getString(0)
                : texts.get("models.coefficient.class", row.getString(0), row.getString(1))).toList();
        List<Double> values = strongest.stream().map(row -> row.getDouble(2)).toList();
        boolean shares = section.equals("importance");
        String title = texts.get("models." + section + "s.chart", formats.count(strongest.size()), label);
        String valueAxis = texts.get("models." + section);
        blocks.add(new Paragraph(texts.get("models." + section + "s.text")));
        blocks.add(new ChartBlock(context.charts().bars(context.chartId(section + "-" + target), title, texts.get("models.importances.desc",
                formats.count(strongest.size()), formats.count(importances.size()), names.get(0), shares ? formats.percent(values.get(0))
                        : formats.number(values.get(0))), texts.get("models.feature"), valueAxis, names, values, shares)));
        List<List<Object>> sheet = new ArrayList<>();
        for (int i = 0; i < strongest.size(); i++) {
            sheet.add(List.of(names.get(i), values.get(i)));
        }
        context.tables().addSheet(title, List.of(texts.get("models.feature"), valueAxis), sheet);
    }

    private void fairness() {
        List<Row> cells = details("fairness");
        if (cells.isEmpty()) {
            return;
        }
        Map<String, Double> metrics = new TreeMap<>();
        Map<String, Double> rows = new TreeMap<>();
        cells.forEach(row -> ("rows".equals(row.getString(1)) ? rows : metrics).put(row.getString(0), row.getDouble(2)));
        String groupMetric = regression ? "rmse" : "accuracy";
        String by = context.config().train().fairness().by();
        String group = by == null ? texts.get("models.group") : context.labels().of(table, by);
        blocks.add(new Heading(3, texts.get("models.fairness")));
        double smallest = metrics.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double largest = metrics.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        double ratio = metrics.size() < 2 || !(largest > 0) ? Double.NaN : smallest / largest;
        double threshold = context.config().train().fairness().minRatio();
        blocks.add(new Paragraph(texts.get("models.fairness.text", group, metricName(texts, groupMetric), formats.number(ratio, 2),
                formats.number(threshold, 2)) + (ratio < threshold ? " " + texts.get("models.fairness.warning") : "")));
        List<List<Object>> table = new ArrayList<>();
        metrics.forEach((name, value) -> table.add(List.of(name, value, Math.round(rows.getOrDefault(name, 0.0)))));
        blocks.add(context.tables().computed(texts.get("models.fairness.caption", label, group), List.of(group,
                metricName(texts, groupMetric), texts.get("models.test.rows")), table, detailsSql("fairness")));
    }

    private void card() {
        blocks.add(new Heading(3, texts.get("models.card")));
        ModelFolder folder = folder();
        Optional<String> card = folder.card();
        if (card.isEmpty()) {
            blocks.add(new Paragraph(texts.get("models.card.missing", folder.cardPath())));
            return;
        }
        if (!"fr".equals(texts.language())) {
            // the card is written in French: quoted here it would be a passage in another language
            blocks.add(new Paragraph(texts.get("models.card.french", folder.cardPath())));
            return;
        }
        blocks.add(new Paragraph(texts.get("models.card.text", folder.cardPath())));
        blocks.addAll(MarkdownBlocks.of(card.get(), 4, texts.get("models.card.caption", label), List.of(texts.get("models.card.field"),
                texts.get("models.card.value")), heading -> CARD_SECTIONS_SHOWN_ABOVE.stream().anyMatch(heading::startsWith)));
    }

    /** A title that starts with a metric's name written in lower case mid-sentence (exactitude, précision pondérée…). */
    private String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(formats.javaLocale()) + text.substring(1);
    }

    private ModelFolder folder() {
        String path = chosen.getAs("model_path");
        // the leaderboard keeps the path relative to the warehouse (the same row wherever the warehouse lives)
        boolean relative = path != null && !path.startsWith("/") && !path.contains("://");
        return new ModelFolder(context.spark(), relative ? context.warehouse().root() + "/" + path : path);
    }

    private String sql(String name, String columns, String rest) {
        return "SELECT " + columns + " FROM gold." + name + " WHERE _run_date = DATE'" + context.runDate() + "' AND " + where
                + rest;
    }
}
