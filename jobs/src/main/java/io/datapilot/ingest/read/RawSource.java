package io.datapilot.ingest.read;

import static java.util.Objects.requireNonNull;

import io.datapilot.ingest.SourcePlan;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A source as read, before typing: one column per planned column (text, or the file's own type for
 * Parquet and nested JSON values), plus the bookkeeping columns named here.
 *
 * @param plan the source plan, with any column found only while reading appended
 */
public record RawSource(SourcePlan plan, Dataset<Row> rows) {
    /** Raw text of a record the reader could not split into fields (CSV, JSON). */
    public static final String CORRUPT = "_corrupt_record";
    public static final String FILE = "_file";
    /** Start offset of the file split the row came from. */
    public static final String BLOCK = "_block";
    public static final String PARTITION = "_pid";
    /** Increasing id within a partition, in file order: the basis of row numbers. */
    public static final String SEQUENCE = "_seq";
    /** 0-based sheet row of an Excel row. */
    public static final String SHEET_ROW = "_sheet_row";

    public RawSource {
        requireNonNull(plan, "plan is null");
        requireNonNull(rows, "rows is null");
    }

    public boolean hasColumn(String name) {
        return Arrays.asList(rows.columns()).contains(name);
    }
}
