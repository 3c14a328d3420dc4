package io.datapilot.report;

import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.governance.register.RegisterTables;
import io.datapilot.report.Page.Block;
import io.datapilot.report.Page.Figure;
import io.datapilot.report.Page.Figures;
import io.datapilot.report.Page.Paragraph;
import io.datapilot.report.Page.Section;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The personal data page ({@code rgpd.html}): what was found, how it was treated, the GDPR checkpoints, and the
 * register completed by the governance stage (its checkpoints, the tables holding personal data, the erasure requests).
 */
final class RgpdPage implements ReportPage {
    private static final List<String> CHECKPOINTS = List.of("rgpd.check.minimisation", "rgpd.check.pseudonymisation", "rgpd.check.logs",
            "rgpd.check.register", "rgpd.check.retention");

    @Override
    public Page build(PageContext context) {
        Texts texts = context.texts();
        Formats formats = context.formats();
        List<Row> personal = context.tables().rows(Layer.AUDIT, "personal_data", null, "treatment", "treated");
        long kept = personal.stream().filter(r -> "keep".equalsIgnoreCase(r.getString(0))).count();
        long treated = personal.stream().filter(r -> !r.isNullAt(1) && r.getBoolean(1)).count() - kept;
        List<Figure> figures = List.of(
                new Figure(texts.get("rgpd.detected"), formats.count(personal.size()), null),
                new Figure(texts.get("rgpd.treated"), formats.count(treated), texts.get("rgpd.treated.detail")),
                new Figure(texts.get("rgpd.kept"), formats.count(kept), texts.get("rgpd.kept.detail")),
                new Figure(texts.get("rgpd.uncertain"), formats.count(personal.size() - treated - kept), texts.get("rgpd.uncertain.detail")));
        List<Block> checkpoints = new ArrayList<>();
        CHECKPOINTS.forEach(key -> checkpoints.add(new Paragraph(texts.get(key))));
        return new Page("rgpd.html", texts.get("page.rgpd"), texts.get("page.rgpd.intro"), List.of(
                new Section("synthese-rgpd", texts.get("rgpd.summary"), texts.get("rgpd.summary.text"), List.of(new Figures(figures))),
                new Section("colonnes-personnelles", texts.get("rgpd.columns"), texts.get("rgpd.columns.text"), List.of(context.tables()
                        .table(texts.get("rgpd.columns"), Layer.AUDIT, "personal_data", null, "source", "column", "category_label",
                                "confidence", "treatment", "generalised_to", "decided_by", "justification"))),
                new Section("points-de-controle", texts.get("rgpd.checkpoints"), texts.get("rgpd.checkpoints.text"), checkpoints),
                new Section("registre", texts.get("rgpd.register"), texts.get("rgpd.register.text"), List.of(context.tables().table(
                        texts.get("rgpd.register"), Layer.GOVERNANCE, RegisterTables.CHECKPOINTS, null, "article", "name", "status",
                        "evidence"))),
                new Section("tables-personnelles", texts.get("rgpd.tables"), texts.get("rgpd.tables.text"), List.of(context.tables().table(
                        texts.get("rgpd.tables"), Layer.GOVERNANCE, RegisterTables.PERSONAL_TABLES, null, "table", "columns",
                        "retention_days", "rule", "last_applied"))),
                new Section("effacements", texts.get("rgpd.erasures"), texts.get("rgpd.erasures.text"), List.of(context.tables().table(
                        texts.get("rgpd.erasures"), Layer.GOVERNANCE, RegisterTables.ERASURE_REQUESTS, null, "request_id", "received_on",
                        "handled_on", "delay_days", "rows_deleted", "tables", "status")))));
    }
}
