package io.datapilot.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The columns of one source that keys, joins and targets rely on, each with the role it plays,
 * as an error message names it ("the key of source clients"). A treatment chosen on a guess never
 * changes them.
 */
final class KeyRoles {
    /** How a role names the column that a target is computed from. */
    static final String TARGET = "the source of the target";

    private KeyRoles() {}

    static Map<String, String> of(IngestPlan plan, SourcePlan source) {
        Map<String, String> roles = new LinkedHashMap<>();
        for (String reference : source.source().key()) {
            source.find(reference).ifPresent(column -> roles.putIfAbsent(column.name(), "the key of source " + source.name()
                    + " (sources[" + source.name() + "].key)"));
        }
        plan.dataset().ifPresent(dataset -> {
            if (dataset.base().equals(source.name())) {
                dataset.baseKey().forEach(column -> roles.putIfAbsent(column, "the key of the data set " + dataset.name()));
                dataset.relations().forEach(relation -> relation.keys().forEach(pair -> roles.putIfAbsent(pair.baseColumn(),
                        "a join column of the data set " + dataset.name() + " (with " + relation.source() + ")")));
                dataset.targets().forEach(target -> roles.putIfAbsent(target.column(), "a target of the data set " + dataset.name()));
            }
            java.util.Set<String> targets = new java.util.HashSet<>();
            dataset.targets().forEach(target -> targets.add(target.column()));
            dataset.relations().stream().filter(relation -> relation.source().equals(source.name())).forEach(relation -> {
                relation.keys().forEach(pair -> roles.putIfAbsent(pair.sourceColumn(),
                        "a join column of the data set " + dataset.name() + " (to " + dataset.base() + ")"));
                relation.lookupColumns().stream().filter(lookup -> targets.contains(lookup.outputName()))
                        .forEach(lookup -> roles.putIfAbsent(lookup.sourceColumn(), TARGET + " " + lookup.outputName() + " of the data set "
                                + dataset.name()));
                relation.aggregations().stream().filter(aggregation -> targets.contains(aggregation.name()) && aggregation.column() != null)
                        .forEach(aggregation -> roles.putIfAbsent(aggregation.column(), TARGET + " " + aggregation.name()
                                + " of the data set " + dataset.name()));
            });
        });
        return roles;
    }
}
