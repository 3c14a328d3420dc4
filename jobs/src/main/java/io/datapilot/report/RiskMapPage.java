package io.datapilot.report;

import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.governance.risk.RiskScale;
import io.datapilot.report.Page.Block;
import io.datapilot.report.Page.ChartBlock;
import io.datapilot.report.Page.Figure;
import io.datapilot.report.Page.Figures;
import io.datapilot.report.Page.Paragraph;
import io.datapilot.report.Page.Section;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/**
 * The risk map page ({@code risques.html}) from {@code governance.risks}: how many risks by level, the likelihood × impact
 * matrix (an accessible SVG whose cells write their level, count and ids, with its data table), every risk with its owner,
 * mitigation and status, and how each risk's criticality changed over the last run dates.
 */
final class RiskMapPage implements ReportPage {
    static final String FILE = "risques.html";
    /** The run dates the history shows, the run date last. */
    static final int HISTORY_DATES = 6;
    private static final String ORDER = "ORDER BY status = 'closed', criticality DESC, id";

    @Override
    public Page build(PageContext context) {
        Texts texts = context.texts();
        List<Row> risks = context.tables().rows(Layer.GOVERNANCE, "risks", ORDER, "id", "source", "category", "title", "likelihood",
                "impact", "criticality", "level", "owner", "mitigation", "status", "evidence");
        if (risks.isEmpty()) {
            return new Page(FILE, texts.get("page.risks"), texts.get("page.risks.intro"), List.of(new Section("risques-absents",
                    texts.get("risks.none"), texts.get("risks.none.text", context.formats().date(context.runDate())), List.of())));
        }
        RiskMatrixChart matrix = new RiskMatrixChart(context.charts(), texts, context.formats());
        return new Page(FILE, texts.get("page.risks"), texts.get("page.risks.intro"), List.of(
                new Section("synthese-risques", texts.get("risks.summary"), texts.get("risks.summary.text"), summary(context, risks)),
                new Section("matrice-risques", texts.get("risks.matrix"), texts.get("risks.matrix.text"), List.of(chart(context, risks, matrix))),
                new Section("liste-risques", texts.get("risks.list"), texts.get("risks.list.text"), List.of(list(context, risks, matrix))),
                new Section("historique-risques", texts.get("risks.history"), texts.get("risks.history.text", HISTORY_DATES),
                        List.of(history(context, risks, matrix)))));
    }

    private static List<Block> summary(PageContext context, List<Row> risks) {
        Formats formats = context.formats();
        List<Row> shown = risks.stream().filter(RiskMapPage::onMatrix).toList();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(context.texts().get("risks.followed"), formats.count(shown.size()), null));
        for (int band = RiskScale.LEVELS.size() - 1; band >= 0; band--) {
            String level = RiskScale.LEVELS.get(band);
            figures.add(new Figure(context.texts().get("risks.figure." + band), formats.count(shown.stream()
                    .filter(row -> level.equals(row.getString(7))).count()), null));
        }
        figures.add(new Figure(context.texts().get("risks.closed"), formats.count(risks.size() - shown.size()), null));
        GovernanceFiles files = GovernanceFiles.of(context);
        return List.of(new Figures(figures), new Paragraph(context.texts().get("risks.files", files.path("cartographie_risques.md"),
                files.path("cartographie_risques.xlsx"))));
    }

    private static Block chart(PageContext context, List<Row> risks, RiskMatrixChart matrix) {
        Texts texts = context.texts();
        List<RiskMatrixChart.Marker> markers = risks.stream().filter(RiskMapPage::onMatrix)
                .map(row -> new RiskMatrixChart.Marker(row.getString(0), row.getInt(4), row.getInt(5))).toList();
        Row top = risks.get(0);
        String description = markers.isEmpty() ? texts.get("risks.matrix.desc.empty")
                : texts.get("risks.matrix.desc", context.formats().count(markers.size()), top.getString(0), top.getString(3),
                        matrix.levelWord(top.getString(7)), context.formats().count(top.getInt(6)));
        return new ChartBlock(matrix.draw(context.chartId("matrice-risques"), texts.get("risks.matrix.chart",
                context.formats().date(context.runDate())), description, markers));
    }

    private static Block list(PageContext context, List<Row> risks, RiskMatrixChart matrix) {
        Texts texts = context.texts();
        CellFormats cells = new CellFormats(context.formats(), texts);
        ComputedTable table = new ComputedTable(context.tables(), texts.get("risks.list"), "SELECT id, source, category, title, likelihood,"
                + " impact, criticality, level, owner, mitigation, status, evidence FROM governance.risks WHERE _run_date = DATE'"
                + context.runDate() + "' " + ORDER)
                .column(texts.get("risks.col.risk_id"), cells.text()).column(texts.get("risks.col.source"), cells.words("risk.source"))
                .column(texts.get("risks.col.category"), cells.words("risk.category")).column(texts.get("risks.col.risk"), cells.text())
                .column(texts.get("risks.col.likelihood"), cells.cell()).column(texts.get("risks.col.impact"), cells.cell())
                .column(texts.get("risks.col.criticality"), cells.cell()).column(texts.get("risks.col.level"), value -> matrix.levelWord((String) value))
                .column(texts.get("risks.col.owner"), cells.text()).column(texts.get("risks.col.mitigation"), cells.text())
                .column(texts.get("risks.col.status"), cells.words("risk.status")).column(texts.get("risks.col.evidence"), cells.text());
        for (Row row : risks) {
            table.row(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5), row.get(6), row.get(7), row.get(8), row.get(9),
                    row.get(10), row.get(11));
        }
        return table.build();
    }

    /** One row per risk of the run date, one column per recent run date: its criticality and level, or closed, or absent. */
    private static Block history(PageContext context, List<Row> risks, RiskMatrixChart matrix) {
        Texts texts = context.texts();
        Formats formats = context.formats();
        Map<String, Map<LocalDate, String>> cells = new LinkedHashMap<>();
        risks.forEach(row -> cells.put(row.getString(0), new LinkedHashMap<>()));
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (Row row : context.tables().history(Layer.GOVERNANCE, "risks", null, "_run_date", "id", "criticality", "level", "status")) {
            LocalDate date = row.getDate(0).toLocalDate();
            dates.add(date);
            Map<LocalDate, String> byDate = cells.get(row.getString(1));
            if (byDate != null) {
                byDate.put(date, "closed".equals(row.getString(4)) ? texts.get("risk.status.closed")
                        : texts.get("risk.cell.level", matrix.levelWord(row.getString(3)), formats.count(row.getInt(2))));
            }
        }
        List<LocalDate> all = new ArrayList<>(dates);
        List<LocalDate> shown = all.subList(Math.max(0, all.size() - HISTORY_DATES), all.size());
        List<String> headers = new ArrayList<>(List.of(texts.get("risks.col.risk_id"), texts.get("risks.col.risk")));
        shown.forEach(date -> headers.add(formats.date(date)));
        List<List<Object>> rows = new ArrayList<>();
        for (Row risk : risks) {
            List<Object> row = new ArrayList<>(List.of(risk.getString(0), risk.getString(3)));
            shown.forEach(date -> row.add(cells.get(risk.getString(0)).getOrDefault(date, "–")));
            rows.add(row);
        }
        return context.tables().computed(texts.get("risks.history"), headers, rows, "SELECT _run_date, id, criticality, level, status"
                + " FROM governance.risks WHERE _run_date <= DATE'" + context.runDate() + "' ORDER BY id, _run_date");
    }

    private static boolean onMatrix(Row row) {
        return !"closed".equals(row.getString(10));
    }
}
