package io.datapilot.core.delta;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import scala.Option;

/**
 * What makes a deletion final in a Delta table: the deletion vectors purged (the rows rewritten out of
 * their files), the files of replaced versions vacuumed, and the log's older commits expired — the
 * commits keep each file's statistics (minimum and maximum of the first columns), so a deleted value
 * can outlive its data file there.
 *
 * <p>The log is expired the way Delta's own clean-up does it (a checkpoint of the current version,
 * then the commits before it removed), with the vacuum's retention instead of Delta's 30 days and
 * without its rounding to the day: time travel stops at the first version kept.
 */
public final class DeltaMaintenance {
    /** A commit, a checksum or a checkpoint of the log: its version is the first 20 digits of the name. */
    private static final Pattern LOG_FILE = Pattern.compile("^\\.?(\\d{20})\\.(json|crc|checkpoint(\\..*)?\\.parquet)(\\.crc)?$");

    private DeltaMaintenance() {}

    /** What one pass of maintenance did to a table. */
    public record Result(boolean purged, long logFilesRemoved) {}

    /** The table's current version. */
    public static long version(SparkSession spark, String path) {
        return DeltaTable.forPath(spark, path).history(1).first().getLong(0);
    }

    /**
     * Purges the deletion vectors (when the table has them), vacuums with {@code hours} of retention
     * and expires the log's commits older than {@code hours}.
     *
     * @param setting the configuration key of {@code hours}, for the message when Delta refuses it
     */
    public static Result finish(SparkSession spark, String path, int hours, String setting) {
        boolean purged = false;
        org.apache.spark.sql.Row detail = DeltaTable.forPath(spark, path).detail().first();
        java.util.Map<String, String> properties = detail.getJavaMap(detail.fieldIndex("properties"));
        if ("true".equalsIgnoreCase(properties.get("delta.enableDeletionVectors"))) {
            spark.sql("REORG TABLE delta.`" + path + "` APPLY (PURGE)");
            purged = true;
        }
        // the vacuum lists the table's folders with Spark's partition-discovery parallelism (10 000 tasks by default)
        String parallelism = "spark.sql.sources.parallelPartitionDiscovery.parallelism";
        String previous = spark.conf().get(parallelism, null);
        spark.conf().set(parallelism, String.valueOf(Math.max(2, spark.sparkContext().defaultParallelism())));
        try {
            DeltaTable.forPath(spark, path).vacuum(hours);
        } catch (IllegalArgumentException e) {
            throw new DatapilotException(ErrorKind.CONFIG, "Cannot vacuum " + path + " with " + hours + " hours of retention: Delta"
                    + " refuses less than the table's safety period (7 days by default), because a job still reading an older"
                    + " version would lose its files. Set " + setting + " to 168 or more, or, when no job can be reading the"
                    + " table, set the Spark setting spark.databricks.delta.retentionDurationCheck.enabled=false.", e);
        } finally {
            if (previous == null) {
                spark.conf().unset(parallelism);
            } else {
                spark.conf().set(parallelism, previous);
            }
        }
        return new Result(purged, expireLog(spark, path, hours));
    }

    /** Checkpoints the current version and removes the log files of earlier versions older than {@code hours}. */
    static long expireLog(SparkSession spark, String path, int hours) {
        DeltaLog log = DeltaLog.forTable(spark, path);
        long current = log.update(false, Option.empty(), Option.empty()).version();
        log.checkpoint();
        long cutoff = System.currentTimeMillis() - hours * 3_600_000L;
        Path folder = new Path(path, "_delta_log");
        long removed = 0;
        try {
            FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
            for (FileStatus file : fs.listStatus(folder)) {
                Matcher name = LOG_FILE.matcher(file.getPath().getName());
                if (file.isFile() && name.matches() && Long.parseLong(name.group(1)) < current && file.getModificationTime() <= cutoff
                        && fs.delete(file.getPath(), false)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot expire the log of " + path + ": " + e.getMessage(), e);
        }
        DeltaLog.invalidateCache(spark, new Path(path));
        return removed;
    }
}
