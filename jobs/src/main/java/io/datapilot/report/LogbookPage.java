package io.datapilot.report;

import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.report.Page.Block;
import io.datapilot.report.Page.Figure;
import io.datapilot.report.Page.Figures;
import io.datapilot.report.Page.Link;
import io.datapilot.report.Page.Paragraph;
import io.datapilot.report.Page.Section;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The technical logbook page ({@code carnet.html}) from {@code governance.logbook}: how many entries are
 * open and resolved, the link to the logbook's workbook, and every entry with the link to its solution.
 */
final class LogbookPage implements ReportPage {
    static final String FILE = "carnet.html";

    @Override
    public Page build(PageContext context) {
        Texts texts = context.texts();
        List<Row> entries = context.tables().rows(Layer.GOVERNANCE, "logbook", "ORDER BY `index`", "index", "problem_date", "label",
                "resolution_date", "resolution_url", "solution", "category", "table", "column", "status", "occurrences", "source");
        if (entries.isEmpty()) {
            return new Page(FILE, texts.get("page.logbook"), texts.get("page.logbook.intro"), List.of(new Section("carnet-absent",
                    texts.get("logbook.none"), texts.get("logbook.none.text", context.formats().date(context.runDate())), List.of())));
        }
        long open = entries.stream().filter(row -> "open".equals(row.getString(9))).count();
        List<Block> summary = new ArrayList<>();
        summary.add(new Figures(List.of(new Figure(texts.get("logbook.open"), context.formats().count(open), null),
                new Figure(texts.get("logbook.resolved"), context.formats().count(entries.size() - open), null),
                new Figure(texts.get("logbook.total"), context.formats().count(entries.size()), null))));
        if (GovernanceFiles.of(context).exists(GovernanceFiles.LOGBOOK)) {
            summary.add(new Link(texts.get("logbook.workbook"), ReportStage.LOGBOOK_COPY, texts.get("logbook.workbook.after")));
        } else {
            summary.add(new Paragraph(texts.get("logbook.workbook.none")));
        }
        return new Page(FILE, texts.get("page.logbook"), texts.get("page.logbook.intro"), List.of(
                new Section("synthese-carnet", texts.get("logbook.summary"), texts.get("logbook.summary.text"), summary),
                new Section("entrees", texts.get("logbook.entries"), texts.get("logbook.entries.text"), List.of(table(context, entries)))));
    }

    private static Block table(PageContext context, List<Row> entries) {
        Texts texts = context.texts();
        CellFormats cells = new CellFormats(context.formats(), texts);
        ComputedTable table = new ComputedTable(context.tables(), texts.get("logbook.entries"), "SELECT `index`, problem_date, label,"
                + " resolution_date, resolution_url, solution, category, table, column, status, occurrences, source FROM governance.logbook"
                + " WHERE _run_date = DATE'" + context.runDate() + "' ORDER BY `index`")
                .column(texts.column("entry_index"), cells.cell()).column(texts.column("problem_date"), cells.cell())
                .column(texts.column("label"), cells.text()).column(texts.column("resolution_date"), cells.cell())
                .linkColumn(texts.column("resolution_url"), value -> linkText((String) value)).column(texts.column("solution"), cells.text())
                .column(texts.column("category"), cells.text()).column(texts.column("subject"), cells.text())
                .column(texts.column("status"), cells.words("logbook.status")).column(texts.column("occurrences"), cells.cell())
                .column(texts.column("source"), cells.words("logbook.source"));
        for (Row entry : entries) {
            String url = entry.getString(4);
            String subject = entry.isNullAt(7) ? null : entry.isNullAt(8) ? entry.getString(7) : entry.getString(7) + "." + entry.getString(8);
            table.linkedRow(url, entry.get(0), entry.get(1), entry.get(2), entry.get(3), url, entry.get(5),
                    entry.get(6), subject, entry.get(9), entry.get(10), entry.get(11));
        }
        return table.build();
    }

    /** What a person reads of a solution's address: its file and section ({@code INCIDENTS.md#dates-dans-le-futur}), not the whole URL. */
    static String linkText(String url) {
        String path = url.replaceFirst("^[a-z]+://", "");
        int slash = path.lastIndexOf('/');
        String tail = slash < 0 || slash == path.length() - 1 ? path : path.substring(slash + 1);
        return URLDecoder.decode(tail.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
