package io.datapilot.core.config;

import java.util.List;

/**
 * The analysis data set: one row per entity of the {@code base} source, enriched by relations.
 */
public record DatasetConfig(
        String name,
        String description,
        String base,
        List<RelationConfig> relations,
        List<TargetConfig> targets) {

    public DatasetConfig {
        relations = relations == null ? List.of() : List.copyOf(relations);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
