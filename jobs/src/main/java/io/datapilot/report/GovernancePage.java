package io.datapilot.report;

import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.report.Page.Block;
import io.datapilot.report.Page.ChartBlock;
import io.datapilot.report.Page.Figures;
import io.datapilot.report.Page.Paragraph;
import io.datapilot.report.Page.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The governance page ({@code gouvernance.html}), from the governance stage's tables: the contract's
 * commitments and their status, the quality score over the run dates and per table, the duration of
 * each stage and of the whole run over the run dates, the models' KPIs and the drift of their variables.
 * A table the stage did not write is said missing in its section.
 */
final class GovernancePage implements ReportPage {
    static final String FILE = "gouvernance.html";

    @Override
    public Page build(PageContext context) {
        Texts texts = context.texts();
        return new Page(FILE, texts.get("page.governance"), texts.get("page.governance.intro"), List.of(
                new Section("engagements", texts.get("governance.commitments"), texts.get("governance.commitments.text"),
                        commitments(context)),
                new Section("score-qualite", texts.get("governance.quality"), texts.get("governance.quality.text"), quality(context)),
                new Section("execution", texts.get("governance.run"), texts.get("governance.run.text"), run(context)),
                new Section("suivi-modeles", texts.get("governance.models"), texts.get("governance.models.text"), models(context)),
                new Section("derive", texts.get("governance.drift"), texts.get("governance.drift.text",
                        context.formats().number(context.config().governance().psiWarning(), 2),
                        context.formats().number(context.config().governance().psiAlert(), 2)), drift(context))));
    }

    private static String sql(PageContext context, String table, String columns) {
        return "SELECT " + columns + " FROM governance." + table + " WHERE _run_date = DATE'" + context.runDate() + "'";
    }

    private static List<Block> commitments(PageContext context) {
        Texts texts = context.texts();
        CellFormats cells = new CellFormats(context.formats(), texts);
        List<Row> rows = context.tables().rows(Layer.GOVERNANCE, "commitments", null, "name", "description", "measured_text", "operator",
                "threshold", "status", "previous_status", "metric");
        if (rows.isEmpty()) {
            return List.of(new Paragraph(texts.get("governance.commitments.none")));
        }
        ComputedTable table = new ComputedTable(context.tables(), texts.get("governance.commitments"), sql(context, "commitments",
                "name, description, measured_text, operator, threshold, status, previous_status, metric"))
                .column(texts.column("description"), cells.text()).column(texts.column("measured_text"), cells.text())
                .column(texts.column("promised"), cells.text()).column(texts.column("status"), cells.text())
                .column(texts.column("previous_status"), cells.text()).column(texts.column("name"), cells.text());
        for (Row row : rows) {
            // the stage's message is the console's (English); the page says the same in its columns, in the report's language
            table.row(row.getString(1), row.getString(2), row.getString(3).replace(">=", "≥").replace("<=", "≤") + " "
                    + threshold(context.formats(), row.getString(7), row.getString(4)), cells.word("commitment.status", row.getString(5)),
                    row.isNullAt(6) ? texts.get("commitment.status.first") : cells.word("commitment.status", row.getString(6)),
                    row.getString(0));
        }
        return List.of(new Figures(List.of(GovernanceFigures.commitments(context))), table.build());
    }

    /** A promised value as the measure is shown: shares in %, a time of day as written, other numbers in the report's format. */
    static String threshold(Formats formats, String metric, String threshold) {
        if (metric.equals("run_end_time")) {
            return threshold;
        }
        double value;
        try {
            value = Double.parseDouble(threshold.trim());
        } catch (NumberFormatException e) {
            return threshold;
        }
        return List.of("quality_score", "quarantine_share", "gate_passed_share").contains(metric) ? formats.percent(value)
                : formats.number(value);
    }

    private static List<Block> quality(PageContext context) {
        Texts texts = context.texts();
        Formats formats = context.formats();
        CellFormats cells = new CellFormats(formats, texts);
        List<Block> blocks = new ArrayList<>();
        List<Row> trend = context.tables().history(Layer.GOVERNANCE, "quality_kpis", "`table` = '*' AND `column` IS NULL"
                + " AND score IS NOT NULL", "_run_date", "score");
        if (trend.isEmpty()) {
            return List.of(new Paragraph(texts.get("site.missing", "governance.quality_kpis")));
        }
        List<String> dates = trend.stream().map(row -> formats.date(row.getDate(0).toLocalDate())).toList();
        List<Double> scores = trend.stream().map(row -> row.getDouble(1)).toList();
        blocks.add(new Figures(List.of(GovernanceFigures.qualityScore(context))));
        blocks.add(new ChartBlock(context.charts().bars(context.chartId("score-qualite-dates"), texts.get("governance.quality.chart"),
                texts.get("governance.quality.chart.desc", formats.count(dates.size()), dates.get(dates.size() - 1),
                        formats.percent(scores.get(scores.size() - 1))), texts.get("chart.run_date"), texts.get("chart.score"), dates,
                scores, true)));
        ComputedTable table = new ComputedTable(context.tables(), texts.get("governance.quality.tables"), sql(context, "quality_kpis",
                "table, rows, completeness, validity, uniqueness, consistency, freshness_days, score, previous_score, score_change")
                + " AND column IS NULL AND table <> '*'")
                .column(texts.column("table"), cells.text()).column(texts.column("rows"), cells.cell())
                .column(texts.column("completeness"), cells.share()).column(texts.column("validity"), cells.share())
                .column(texts.column("uniqueness"), cells.share()).column(texts.column("consistency"), cells.share())
                .column(texts.column("freshness_days"), cells.cell()).column(texts.column("score"), cells.share())
                .column(texts.column("previous_score"), cells.share()).column(texts.column("score_change"), cells.points());
        for (Row row : context.tables().rows(Layer.GOVERNANCE, "quality_kpis", "`column` IS NULL AND `table` <> '*' ORDER BY `table`",
                "table", "rows", "completeness", "validity", "uniqueness", "consistency", "freshness_days", "score", "previous_score",
                "score_change")) {
            table.row(values(row));
        }
        blocks.add(table.build());
        return blocks;
    }

    private static List<Block> run(PageContext context) {
        Texts texts = context.texts();
        Formats formats = context.formats();
        CellFormats cells = new CellFormats(formats, texts);
        List<Row> stages = context.tables().rows(Layer.GOVERNANCE, "run_kpis", "ORDER BY started_at", "stage", "started_at", "ended_at",
                "duration_seconds", "rows_in", "rows_out", "rows_quarantined", "status", "message", "spark_jobs");
        if (stages.isEmpty()) {
            return List.of(new Paragraph(texts.get("site.missing", "governance.run_kpis")));
        }
        List<Block> blocks = new ArrayList<>();
        List<String> names = stages.stream().map(row -> row.getString(0)).toList();
        List<Double> seconds = stages.stream().map(row -> row.getDouble(3)).toList();
        int longest = seconds.indexOf(seconds.stream().max(Double::compare).orElseThrow());
        blocks.add(new ChartBlock(context.charts().bars(context.chartId("duree-etapes"), texts.get("governance.run.chart"),
                texts.get("governance.run.chart.desc", formats.count(names.size()), names.get(longest), formats.number(seconds.get(longest), 1)),
                texts.get("chart.stage"), texts.get("chart.seconds"), names, seconds, false)));
        ComputedTable table = new ComputedTable(context.tables(), texts.get("governance.run.table"), sql(context, "run_kpis",
                "stage, started_at, ended_at, duration_seconds, rows_in, rows_out, rows_quarantined, status, message, spark_jobs"))
                .column(texts.column("stage"), cells.text()).column(texts.column("started_at"), cells.cell())
                .column(texts.column("ended_at"), cells.cell()).column(texts.column("duration_seconds"), cells.number(1))
                .column(texts.column("rows_in"), cells.cell()).column(texts.column("rows_out"), cells.cell())
                .column(texts.column("rows_quarantined"), cells.cell()).column(texts.column("status"), cells.words("run.status"))
                .column(texts.column("message"), cells.text()).column(texts.column("spark_jobs"), cells.cell());
        stages.forEach(row -> table.row(values(row)));
        blocks.add(table.build());
        Map<String, Double> totals = new LinkedHashMap<>();
        context.tables().history(Layer.GOVERNANCE, "run_kpis", null, "_run_date", "duration_seconds")
                .forEach(row -> totals.merge(formats.date(row.getDate(0).toLocalDate()), row.getDouble(1), Double::sum));
        List<String> dates = new ArrayList<>(totals.keySet());
        List<Double> durations = new ArrayList<>(totals.values());
        blocks.add(new ChartBlock(context.charts().bars(context.chartId("duree-par-date"), texts.get("governance.run.trend"),
                texts.get("governance.run.trend.desc", formats.count(dates.size()), dates.get(dates.size() - 1),
                        formats.number(durations.get(durations.size() - 1), 1)), texts.get("chart.run_date"), texts.get("chart.seconds"), dates,
                durations, false)));
        return blocks;
    }

    private static List<Block> models(PageContext context) {
        Texts texts = context.texts();
        CellFormats cells = new CellFormats(context.formats(), texts);
        List<Row> rows = context.tables().rows(Layer.GOVERNANCE, "model_kpis", "ORDER BY target, rank", "target", "model_label", "metric",
                "cv_mean", "cv_std", "test", "previous_test", "test_change", "rank", "chosen", "prediction_psi", "max_feature_psi", "drift",
                "model_version");
        if (rows.isEmpty()) {
            return List.of(new Paragraph(texts.get("governance.models.none")));
        }
        String dataset = dataset(context);
        ComputedTable table = new ComputedTable(context.tables(), texts.get("governance.models"), sql(context, "model_kpis",
                "target, model_label, metric, cv_mean, cv_std, test, previous_test, test_change, rank, chosen, prediction_psi, max_feature_psi,"
                        + " drift, model_version"))
                .column(texts.column("target"), value -> context.labels().of(dataset, (String) value)).column(texts.column("model"), cells.text())
                .column(texts.column("metric"), value -> ModelsPage.metricName(texts, (String) value))
                .column(texts.column("cv_mean"), cells.number(3)).column(texts.column("cv_std"), cells.number(3))
                .column(texts.column("test_metric"), cells.number(3)).column(texts.column("previous_test"), cells.number(3))
                .column(texts.column("test_change"), cells.number(3)).column(texts.column("rank"), cells.cell())
                .column(texts.column("chosen"), cells.cell()).column(texts.column("prediction_psi"), cells.number(3))
                .column(texts.column("max_feature_psi"), cells.number(3)).column(texts.column("drift"), cells.words("drift.band"))
                .column(texts.column("model_version"), cells.text());
        rows.forEach(row -> table.row(values(row)));
        return List.of(table.build());
    }

    private static List<Block> drift(PageContext context) {
        Texts texts = context.texts();
        CellFormats cells = new CellFormats(context.formats(), texts);
        List<Row> rows = context.tables().rows(Layer.GOVERNANCE, "feature_drift", "ORDER BY target, psi DESC NULLS LAST, variable", "target",
                "variable", "kind", "psi", "band", "reference_run_date", "bins");
        if (rows.isEmpty()) {
            return List.of(new Paragraph(texts.get("site.missing", "governance.feature_drift")));
        }
        String dataset = dataset(context);
        ComputedTable table = new ComputedTable(context.tables(), texts.get("governance.drift.table"), sql(context, "feature_drift",
                "target, variable, kind, psi, band, reference_run_date, bins"))
                .column(texts.column("target"), value -> context.labels().of(dataset, (String) value))
                .column(texts.column("variable"), value -> variable(context, dataset, (String) value)).column(texts.column("variable_kind"), cells.words("drift.kind"))
                .column(texts.column("psi"), cells.number(3)).column(texts.column("band"), cells.words("drift.band"))
                .column(texts.column("reference_run_date"), cells.cell()).column(texts.column("bins"), cells.cell());
        rows.forEach(row -> table.row(values(row)));
        return List.of(table.build());
    }

    /** A feature by its label; the model's predictions ({@code prediction:<target>}) in words. */
    private static String variable(PageContext context, String dataset, String variable) {
        return variable.startsWith("prediction:") ? context.texts().get("governance.drift.prediction",
                context.labels().of(dataset, variable.substring("prediction:".length()))) : context.labels().of(dataset, variable);
    }

    private static String dataset(PageContext context) {
        return context.config().dataset() == null ? null : context.config().dataset().name();
    }

    private static Object[] values(Row row) {
        Object[] values = new Object[row.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        return values;
    }
}
