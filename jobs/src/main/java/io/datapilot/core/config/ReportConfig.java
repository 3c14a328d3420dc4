package io.datapilot.core.config;

/**
 * The HTML report, its workbook and its notebook.
 *
 * @param locale language and formats of the report; default: the project's locale
 * @param title title of the report's pages; default: the project's name
 */
public record ReportConfig(ReportLocale locale, String title) {

    static ReportConfig defaults() {
        return new ReportConfig(null, null);
    }
}
