package io.datapilot.ingest;

import java.util.List;
import java.util.Locale;

/**
 * The type a source column is written with, and why.
 *
 * @param type null for a nested value kept as it is (a JSON or Parquet array, map or struct)
 * @param formats date/timestamp patterns used to parse it, in order
 */
public record TypedColumn(String name, io.datapilot.core.config.ColumnType type, List<String> formats, Origin origin) {

    public TypedColumn {
        formats = List.copyOf(formats);
    }

    /** Where a column's type comes from. */
    public enum Origin {
        /** Written in the configuration. */
        DECLARED,
        /** Detected from a sample of the values. */
        DETECTED,
        /** The file format's own type (Parquet, nested JSON). */
        NATIVE,
        /** Widened to match the same logical column in another source. */
        UNIFIED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public String typeLabel() {
        return type == null ? "nested" : type.toString();
    }
}
