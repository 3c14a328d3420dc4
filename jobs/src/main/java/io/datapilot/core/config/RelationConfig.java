package io.datapilot.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How another source joins the base entity.
 *
 * @param kind {@code aggregate} for a finer grain (many source rows per base row) or {@code lookup}
 *     for a coarser one (one source row for many base rows)
 * @param on join keys: base column → source column
 * @param aggregations for {@code aggregate}: the columns computed per base key
 * @param columns for {@code lookup}: the source columns to attach (all but the key when absent)
 * @param prefix for {@code lookup}: prefix of attached column names ({@code <source>_} when absent)
 */
public record RelationConfig(
        String source,
        RelationKind kind,
        Map<String, String> on,
        List<AggregationConfig> aggregations,
        List<String> columns,
        String prefix) {

    public RelationConfig {
        on = on == null ? Map.of() : new LinkedHashMap<>(on);
        aggregations = aggregations == null ? List.of() : List.copyOf(aggregations);
        columns = columns == null ? List.of() : List.copyOf(columns);
        prefix = prefix == null && source != null ? source + "_" : prefix;
    }
}
