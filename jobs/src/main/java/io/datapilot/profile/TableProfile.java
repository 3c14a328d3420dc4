package io.datapilot.profile;

import java.util.List;
import java.util.Optional;

/**
 * The profile of one table of one run date.
 *
 * @param duplicateRows rows identical to an earlier row (all columns but bookkeeping ones)
 * @param duplicateKeys rows whose key value an earlier row already has (when the table has a key)
 * @param sparkJobs Spark jobs the profiling used
 */
public record TableProfile(String table, long rows, List<ColumnProfile> columns, long duplicateRows, Long duplicateKeys,
        List<String> key, int sparkJobs, long millis) {

    public TableProfile {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
    }

    public Optional<ColumnProfile> column(String name) {
        return columns.stream().filter(column -> column.column().equals(name)).findFirst();
    }
}
