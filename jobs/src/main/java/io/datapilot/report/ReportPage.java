package io.datapilot.report;

/**
 * One page of the report, built from the tables of the run date that {@link PageContext} reads.
 * Each page is its own class; {@link ReportStage} only lists them in the order of the navigation.
 *
 * <pre>{@code
 * Page models = new ModelsPage().build(context);
 * }</pre>
 */
interface ReportPage {
    /** The page; when its stage wrote nothing for the run date, a page that says so (never an exception). */
    Page build(PageContext context);
}
