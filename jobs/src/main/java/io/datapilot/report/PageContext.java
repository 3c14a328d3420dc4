package io.datapilot.report;

import static java.util.Objects.requireNonNull;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.delta.Warehouse;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * What a {@link ReportPage} builds from: the tables of the run date (read, formatted and kept as
 * sheets of the workbook), the report's words, number formats, chart factory and variable labels,
 * the configuration, and the ids of the charts already on the site.
 */
record PageContext(SparkSession spark, PipelineConfig config, Warehouse warehouse, LocalDate runDate, Formats formats, Texts texts,
        Charts charts, ReportTables tables, VariableLabels labels, ChartIds chartIds) {

    PageContext {
        requireNonNull(spark, "spark is null");
        requireNonNull(config, "config is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(runDate, "runDate is null");
        requireNonNull(formats, "formats is null");
        requireNonNull(texts, "texts is null");
        requireNonNull(charts, "charts is null");
        requireNonNull(tables, "tables is null");
        requireNonNull(labels, "labels is null");
        requireNonNull(chartIds, "chartIds is null");
    }

    /** A new chart id (and file name) from a text, unique on the whole site. */
    String chartId(String base) {
        return chartIds.next(base);
    }

    /** The ids of the site's charts: each chart is also a file {@code charts/<id>.svg}, so an id is used once on the site. */
    static final class ChartIds {
        private final Set<String> taken = new HashSet<>();

        String next(String base) {
            // "fig-": apart from the section ids, which are built from the same table names
            return io.datapilot.core.text.Names.unique("fig-" + Charts.slug(base), taken);
        }

        int count() {
            return taken.size();
        }
    }
}
