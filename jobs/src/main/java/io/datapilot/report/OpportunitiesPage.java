package io.datapilot.report;

import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.report.Page.Block;
import io.datapilot.report.Page.ChartBlock;
import io.datapilot.report.Page.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The opportunities page ({@code opportunites.html}) from {@code governance.opportunities} (one row per
 * item and criterion): the items ranked with their score, class and resources, their scores as bars,
 * and each score's breakdown per criterion. Without a grid configured, one section says how.
 */
final class OpportunitiesPage implements ReportPage {
    static final String FILE = "opportunites.html";

    @Override
    public Page build(PageContext context) {
        Texts texts = context.texts();
        CellFormats cells = new CellFormats(context.formats(), texts);
        List<Row> rows = context.tables().rows(Layer.GOVERNANCE, "opportunities", "ORDER BY rank, name, criterion", "rank", "name", "score",
                "grade", "resources");
        if (rows.isEmpty()) {
            return new Page(FILE, texts.get("page.opportunities"), texts.get("page.opportunities.intro"), List.of(new Section(
                    "opportunites-absentes", texts.get("opportunities.none"), texts.get("opportunities.none.text",
                            context.formats().date(context.runDate())), List.of())));
        }
        Map<String, Row> items = new LinkedHashMap<>();
        rows.forEach(row -> items.putIfAbsent(row.getString(1), row));
        ComputedTable ranked = new ComputedTable(context.tables(), texts.get("opportunities.ranked"), "SELECT DISTINCT rank, name, score,"
                + " grade, resources FROM governance.opportunities WHERE _run_date = DATE'" + context.runDate() + "' ORDER BY rank")
                .column(texts.column("rank"), cells.cell()).column(texts.column("name"), cells.text())
                .column(texts.column("score"), cells.number(1)).column(texts.column("grade"), cells.text())
                .column(texts.column("resources"), cells.text());
        items.values().forEach(row -> ranked.row(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4)));
        List<String> names = new ArrayList<>(items.keySet());
        List<Double> scores = items.values().stream().map(row -> row.getDouble(2)).toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(ranked.build());
        blocks.add(new ChartBlock(context.charts().bars(context.chartId("scores-opportunites"), texts.get("opportunities.chart"),
                texts.get("opportunities.chart.desc", context.formats().count(names.size()), names.get(0),
                        context.formats().number(scores.get(0), 1)), texts.get("chart.item"), texts.get("chart.score_100"), names, scores,
                false)));
        return new Page(FILE, texts.get("page.opportunities"), texts.get("page.opportunities.intro"), List.of(
                new Section("classement", texts.get("opportunities.ranked"), texts.get("opportunities.ranked.text"), blocks),
                new Section("criteres", texts.get("opportunities.breakdown"), texts.get("opportunities.breakdown.text"), List.of(
                        context.tables().table(texts.get("opportunities.breakdown"), Layer.GOVERNANCE, "opportunities",
                                "ORDER BY rank, name, criterion", "rank", "name", "criterion", "value", "normalised", "weight", "points")))));
    }
}
