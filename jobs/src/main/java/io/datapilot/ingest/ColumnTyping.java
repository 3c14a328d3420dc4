package io.datapilot.ingest;

import io.datapilot.core.config.ColumnType;
import io.datapilot.ingest.IngestPlan.ColumnRef;
import io.datapilot.ingest.TypedColumn.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives one type to each logical column read from several sources (same name, or joined): the
 * declared type when there is one, else the narrowest type that holds every source's values.
 */
public final class ColumnTyping {
    private ColumnTyping() {}

    /** The types of every source's columns after unification; the input maps are not changed. */
    public static Map<String, Map<String, TypedColumn>> unify(Map<String, Map<String, TypedColumn>> bySource,
            List<List<ColumnRef>> sharedColumns) {
        Map<String, Map<String, TypedColumn>> result = new LinkedHashMap<>();
        bySource.forEach((source, columns) -> result.put(source, new LinkedHashMap<>(columns)));
        for (List<ColumnRef> group : sharedColumns) {
            ColumnType common = null;
            ColumnType declared = null;
            for (ColumnRef ref : group) {
                TypedColumn column = typed(result, ref);
                if (column == null || column.type() == null) {
                    continue;
                }
                if (column.origin() == Origin.DECLARED) {
                    declared = column.type();
                }
                common = common == null ? column.type() : common.unify(column.type());
            }
            ColumnType chosen = declared != null ? declared : common;
            if (chosen == null) {
                continue;
            }
            for (ColumnRef ref : group) {
                TypedColumn column = typed(result, ref);
                if (column != null && column.type() != null && !column.type().equals(chosen)) {
                    List<String> formats = chosen.isTemporal() ? column.formats() : List.of();
                    result.get(ref.source()).put(ref.column(), new TypedColumn(column.name(), chosen, formats, Origin.UNIFIED));
                }
            }
        }
        return result;
    }

    private static TypedColumn typed(Map<String, Map<String, TypedColumn>> bySource, ColumnRef ref) {
        Map<String, TypedColumn> columns = bySource.get(ref.source());
        return columns == null ? null : columns.get(ref.column());
    }
}
