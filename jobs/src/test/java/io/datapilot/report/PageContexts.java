package io.datapilot.report;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.testing.TestSpark;
import java.time.LocalDate;
import java.util.List;

/** A page's context on a test warehouse: the report's formats, words and charts for the configuration's locale, no variable label. */
final class PageContexts {
    private PageContexts() {}

    static PageContext of(PipelineConfig config, Warehouse warehouse, LocalDate runDate) {
        Formats formats = new Formats(config.reportLocale());
        Texts texts = new Texts(config.reportLocale());
        ReportTables tables = new ReportTables(TestSpark.session(), warehouse, runDate, formats, texts);
        return new PageContext(TestSpark.session(), config, warehouse, runDate, formats, texts, new Charts(formats, texts), tables,
                tables.labels(config, List.of()), new PageContext.ChartIds());
    }
}
