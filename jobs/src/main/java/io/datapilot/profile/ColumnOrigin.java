package io.datapilot.profile;

/**
 * Where a column of a table comes from, as ingestion recorded it (audit.column_origins), or how a
 * data-set column was computed.
 */
public record ColumnOrigin(String originalNames, String files, String description, String unit, String personalCategory,
        String treatment) {

    static ColumnOrigin computed(String description) {
        return new ColumnOrigin(null, null, description, null, null, null);
    }
}
