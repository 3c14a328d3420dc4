package io.datapilot.report;

import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.governance.risk.RiskScale;
import io.datapilot.report.Page.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The governance figures of the index: the run's quality score and its change since the previous run
 * date ({@code governance.quality_kpis}, table {@code *}), and how many commitments are kept
 * ({@code governance.commitments}), and how many risks of the risk map are critical or high ({@code governance.risks});
 * "–" when the governance stage did not write them.
 */
final class GovernanceFigures {
    /** The commitment statuses in the order a summary names them. */
    static final List<String> STATUSES = List.of("OK", "WARNING", "BREACH", "NO_DATA");

    private GovernanceFigures() {}

    static List<Figure> of(PageContext context) {
        return List.of(qualityScore(context), commitments(context), risks(context));
    }

    static Figure qualityScore(PageContext context) {
        Texts texts = context.texts();
        List<Row> overall = context.tables().rows(Layer.GOVERNANCE, "quality_kpis", "`table` = '*' AND `column` IS NULL", "score",
                "previous_score", "score_change");
        if (overall.isEmpty() || overall.get(0).isNullAt(0)) {
            return new Figure(texts.get("key.governance.score"), "–", texts.get("key.governance.score.none"));
        }
        Row row = overall.get(0);
        CellFormats cells = new CellFormats(context.formats(), texts);
        String detail = row.isNullAt(2) ? texts.get("key.governance.score.first")
                : texts.get("key.governance.score.change", cells.signedPoints(row.getDouble(2)), context.formats().percent(row.getDouble(1)));
        return new Figure(texts.get("key.governance.score"), context.formats().percent(row.getDouble(0)), detail);
    }

    static Figure commitments(PageContext context) {
        Texts texts = context.texts();
        Map<String, Long> counts = counts(context);
        if (counts.isEmpty()) {
            return new Figure(texts.get("key.governance.commitments"), "–", texts.get("key.governance.commitments.none"));
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new Figure(texts.get("key.governance.commitments"), summary(texts, context.formats(), counts),
                texts.get("key.governance.commitments.detail", context.formats().count(total)));
    }

    /** The risks on the map (not closed) whose level is critique or élevé, out of those on the map. */
    static Figure risks(PageContext context) {
        Texts texts = context.texts();
        List<Row> risks = context.tables().rows(Layer.GOVERNANCE, "risks", null, "status", "level");
        if (risks.isEmpty()) {
            return new Figure(texts.get("key.governance.risks"), "–", texts.get("key.governance.risks.none"));
        }
        List<String> levels = risks.stream().filter(row -> !"closed".equals(row.getString(0))).map(row -> row.getString(1)).toList();
        long serious = levels.stream().filter(level -> RiskScale.CRITICAL.equals(level) || RiskScale.HIGH.equals(level)).count();
        return new Figure(texts.get("key.governance.risks"), context.formats().count(serious),
                texts.get("key.governance.risks.detail", context.formats().count(levels.size())));
    }

    /** The number of commitments per status of the run date, in {@link #STATUSES} order, only the statuses that occur. */
    static Map<String, Long> counts(PageContext context) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Row> rows = context.tables().rows(Layer.GOVERNANCE, "commitments", null, "status");
        for (String status : STATUSES) {
            long count = rows.stream().filter(row -> status.equals(row.getString(0))).count();
            if (count > 0) {
                counts.put(status, count);
            }
        }
        return counts;
    }

    /** "4 tenus, 1 non tenu": each status with its count, singular or plural. */
    static String summary(Texts texts, Formats formats, Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((status, count) -> parts.add(texts.get("commitments.count." + status.toLowerCase(java.util.Locale.ROOT)
                + (count == 1 ? ".one" : ".many"), formats.count(count))));
        return String.join(", ", parts);
    }
}
