package io.datapilot.report;

import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.report.Page.Section;
import java.util.List;

/** The cleaning page ({@code nettoyage.html}): every change of the cleaning stage, with who decided it and why. */
final class CleaningPage implements ReportPage {
    @Override
    public Page build(PageContext context) {
        Texts texts = context.texts();
        return new Page("nettoyage.html", texts.get("page.cleaning"), texts.get("page.cleaning.intro"), List.of(
                new Section("journal-nettoyage", texts.get("cleaning.actions"), texts.get("cleaning.actions.text"), List.of(context.tables()
                        .table(texts.get("cleaning.actions"), Layer.AUDIT, "cleaning", null, "table", "column", "action", "strategy",
                                "value", "rows_changed", "decided_by", "reason")))));
    }
}
