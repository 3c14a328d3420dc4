package io.datapilot.report;

import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.report.Page.Block;
import io.datapilot.report.Page.ChartBlock;
import io.datapilot.report.Page.Paragraph;
import io.datapilot.report.Page.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The load page ({@code chargement.html}): the row counts checked, the tuned schema of each table,
 * and the measured speed-up of representative queries on the tuned tables (withheld for a table too
 * small for timings to mean anything).
 */
final class LoadPage implements ReportPage {
    @Override
    public Page build(PageContext context) {
        Texts texts = context.texts();
        Formats formats = context.formats();
        ReportTables tables = context.tables();
        List<Block> timing = new ArrayList<>();
        // timings written before the size check have no verdict column: every one of them counts as comparable
        boolean judged = DeltaIO.exists(context.spark(), context.warehouse().table(Layer.GOVERNANCE, "query_timings"))
                && java.util.Arrays.asList(tables.read(Layer.GOVERNANCE, "query_timings").columns()).contains("comparable");
        List<String> shown = new ArrayList<>(List.of("table", "query", "variant", "median_seconds", "files_read", "files_total",
                "bytes_read", "table_bytes"));
        if (judged) {
            shown.addAll(List.of("run_date_bytes", "comparable"));
        }
        List<Row> measures = judged
                ? tables.rows(Layer.GOVERNANCE, "query_timings", null, "table", "query", "variant", "median_seconds", "comparable", "run_date_bytes")
                : tables.rows(Layer.GOVERNANCE, "query_timings", null, "table", "query", "variant", "median_seconds");
        Map<String, double[]> ratios = new LinkedHashMap<>();
        Map<String, Long> tooSmall = new java.util.TreeMap<>();
        for (Row row : measures) {
            if (judged && !row.isNullAt(4) && !row.getBoolean(4)) {
                if ("untuned".equals(row.getString(2))) {
                    tooSmall.put(row.getString(0), row.isNullAt(5) ? 0L : row.getLong(5));
                }
                continue;
            }
            double[] pair = ratios.computeIfAbsent(row.getString(0) + " — " + row.getString(1), k -> new double[2]);
            pair["tuned".equals(row.getString(2)) ? 1 : 0] = row.getDouble(3);
        }
        tooSmall.forEach((table, bytes) -> timing.add(new Paragraph(texts.get("load.timings.small", table, formats.bytes(bytes),
                formats.bytes(context.config().load().timingMinBytes())))));
        timing.add(tables.table(texts.get("load.timings"), Layer.GOVERNANCE, "query_timings", null, shown.toArray(String[]::new)));
        if (!ratios.isEmpty()) {
            List<String> queries = new ArrayList<>(ratios.keySet());
            List<Double> speedUps = queries.stream().map(q -> ratios.get(q)[0] / Math.max(1e-9, ratios.get(q)[1])).toList();
            timing.add(new ChartBlock(context.charts().bars(context.chartId("acceleration"), texts.get("load.speedup.chart"),
                    texts.get("load.speedup.desc"), texts.get("chart.query"), texts.get("chart.speedup"), queries, speedUps, false)));
        }
        return new Page("chargement.html", texts.get("page.load"), texts.get("page.load.intro"), List.of(
                new Section("verification", texts.get("load.verification"), texts.get("load.verification.text"), List.of(tables.table(
                        texts.get("load.verification"), Layer.AUDIT, "load_verification", null, "table", "step", "rows", "expected",
                        "explanation", "ok"))),
                new Section("schema", texts.get("load.schema"), texts.get("load.schema.text"), List.of(tables.table(texts.get("load.schema"),
                        Layer.AUDIT, "schema_report", null, "table", "column", "untuned_type", "tuned_type", "untuned_bytes_per_value",
                        "tuned_bytes_per_value", "min", "max", "max_length", "not_null", "check_constraint", "index", "reason"))),
                new Section("index", texts.get("load.index"), texts.get("load.index.text"), List.of()),
                new Section("temps-requetes", texts.get("load.timings"), texts.get("load.timings.text"), timing)));
    }
}
