package io.datapilot.core.delta;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.delta.tables.DeltaTable;
import java.time.LocalDate;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Writes and reads the run-dated Delta tables of the warehouse.
 *
 * <p>Every table has a {@code _run_date} partition. Writing replaces the rows of that run date
 * ({@code replaceWhere}) in one atomic commit: a rerun of the same date replaces, never
 * duplicates, and a failed write leaves the previous version in place. (Delta's
 * {@code txnAppId}/{@code txnVersion} would silently skip a rerun of an older date.)
 */
public final class DeltaIO {
    public static final String RUN_DATE = "_run_date";

    private DeltaIO() {}

    /** Replaces the rows of {@code runDate} (and of {@code extraPredicate}, when not null) in a table partitioned by run date. */
    public static void replaceRunDate(Dataset<Row> rows, String path, LocalDate runDate, String extraPredicate,
            String commitMessage) {
        replaceRunDate(rows, path, runDate, extraPredicate, commitMessage, true);
    }

    /**
     * Replaces the rows of {@code runDate}; {@code partitioned} false for a table clustered by
     * liquid clustering, which cannot be partitioned (the run date is then a clustering column).
     */
    public static void replaceRunDate(Dataset<Row> rows, String path, LocalDate runDate, String extraPredicate,
            String commitMessage, boolean partitioned) {
        String predicate = RUN_DATE + " = DATE'" + runDate + "'"
                + (extraPredicate == null ? "" : " AND (" + extraPredicate + ")");
        try {
            org.apache.spark.sql.DataFrameWriter<Row> writer = rows.write()
                    .format("delta")
                    .mode("overwrite")
                    .option("replaceWhere", predicate)
                    .option("mergeSchema", "true")
                    .option("userMetadata", commitMessage);
            (partitioned ? writer.partitionBy(RUN_DATE) : writer).save(path);
        } catch (Exception e) {
            // Scala throws AnalysisException without declaring it, so Java cannot catch it by type
            if (e instanceof AnalysisException && e.getMessage() != null && (e.getMessage().contains("DELTA_FAILED_TO_MERGE_FIELDS")
                    || e.getMessage().contains("DELTA_MERGE_INCOMPATIBLE_DATATYPE"))) {
                throw new DatapilotException(ErrorKind.DATA, "Cannot write " + path + ": a column's type differs from the"
                        + " type the table has from earlier run dates (" + firstLine(e.getMessage()) + "). Types are"
                        + " detected from the data unless declared: declare the column's type in the source's columns"
                        + " section so that it stays the same, or move the table folder away to start it again"
                        + " (the earlier run dates it holds would then be lost).", e);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** The rows of one run date. */
    public static Dataset<Row> readRunDate(SparkSession spark, String path, LocalDate runDate) {
        return spark.read().format("delta").load(path)
                .where(functions.col(RUN_DATE).equalTo(functions.lit(java.sql.Date.valueOf(runDate))));
    }

    public static boolean exists(SparkSession spark, String path) {
        return DeltaTable.isDeltaTable(spark, path);
    }

    /** A SQL string literal, quotes doubled. */
    public static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
