package io.datapilot.core.config;

import java.util.List;
import java.util.Map;

/**
 * How the clean stage treats missing values and anomalies. Every choice left out is made from the
 * run date's profile and written, with its reason, to audit.cleaning.
 *
 * @param tables bronze tables to clean and load (source or data set names); default: the data set,
 *     or every source when there is none
 * @param missingIndicators add a boolean {@code <column>_manquant} before imputing each column
 * @param dropDuplicates drop rows whose every data column equals another row's
 * @param outliers what to do with values outside Tukey's fences in continuous columns by default
 * @param impossible what to do with negative values in columns that cannot be negative by default
 * @param normaliseCategories merge case, accent and spacing variants of one label in categorical columns
 * @param columns per column (key {@code column} or {@code table.column}): what overrides the defaults
 */
public record CleanConfig(List<String> tables, Boolean missingIndicators, Boolean dropDuplicates, AnomalyPolicy outliers,
        AnomalyPolicy impossible, Boolean normaliseCategories, Map<String, ColumnCleaningConfig> columns) {

    /** What happens to an anomalous value. */
    public enum AnomalyPolicy {
        /** Kept as it is. */
        KEEP,
        /** Kept, with a boolean column {@code <column>_aberrant} set on the row. */
        FLAG,
        /** Replaced by the nearest fence (outliers) or by 0 (impossible negatives). */
        CAP,
        /** Set to null, then imputed like any missing value. */
        NULL,
        /** The row goes to audit.quarantine with the reason. */
        QUARANTINE
    }

    public CleanConfig {
        tables = tables == null ? List.of() : List.copyOf(tables);
        missingIndicators = missingIndicators != null && missingIndicators;
        dropDuplicates = dropDuplicates == null || dropDuplicates;
        outliers = outliers == null ? AnomalyPolicy.FLAG : outliers;
        impossible = impossible == null ? AnomalyPolicy.NULL : impossible;
        normaliseCategories = normaliseCategories == null || normaliseCategories;
        columns = columns == null ? Map.of() : Map.copyOf(columns);
    }

    static CleanConfig defaults() {
        return new CleanConfig(null, null, null, null, null, null, null);
    }
}
