package io.datapilot.ingest;

import io.datapilot.core.config.AggregationFunction;
import io.datapilot.core.config.RelationKind;
import io.datapilot.core.config.TargetKind;
import java.util.List;

/**
 * The integrated data set with every reference resolved to final column names.
 *
 * @param baseKey key columns of the base source (the grain of the data set)
 */
public record DatasetPlan(String name, String description, String base, List<String> baseKey,
        List<RelationPlan> relations, List<TargetPlan> targets) {

    public DatasetPlan {
        baseKey = List.copyOf(baseKey);
        relations = List.copyOf(relations);
        targets = List.copyOf(targets);
    }

    /** A base column and the source column it joins. */
    public record KeyPair(String baseColumn, String sourceColumn) {}

    public record AggregationPlan(String name, AggregationFunction function, String column, String by) {}

    public record LookupColumn(String sourceColumn, String outputName) {}

    public record RelationPlan(String source, RelationKind kind, List<KeyPair> keys,
            List<AggregationPlan> aggregations, List<LookupColumn> lookupColumns) {
        public RelationPlan {
            keys = List.copyOf(keys);
            aggregations = List.copyOf(aggregations);
            lookupColumns = List.copyOf(lookupColumns);
        }
    }

    public record TargetPlan(String column, TargetKind kind) {}
}
