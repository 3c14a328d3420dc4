package io.datapilot.rgpd.erasure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.DeltaMaintenance;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Deletes the subject's rows from every table of the warehouse that holds one of their identities,
 * then makes each deletion final ({@link DeltaMaintenance#finish}). One count per table that holds the
 * identifying columns, one {@code DELETE} per table with rows; the tables without those columns are
 * not read.
 */
final class Erasure {
    private Erasure() {}

    /** What the subject had in one table. */
    record Found(String table, String path, long rows, TreeMap<String, Long> runDates) {}

    /** The tables holding the subject's rows, with their counts and run dates (nothing changes). */
    static List<Found> find(SparkSession spark, Map<String, String> tables, List<Identity> identities) {
        List<Found> found = new ArrayList<>();
        tables.forEach((name, path) -> {
            Dataset<Row> table = spark.read().format("delta").load(path);
            Optional<Column> condition = Identity.any(identities, name, table.schema());
            if (condition.isEmpty()) {
                return;
            }
            boolean dated = List.of(table.schema().fieldNames()).contains(DeltaIO.RUN_DATE);
            TreeMap<String, Long> runDates = new TreeMap<>();
            long rows = 0;
            for (Row row : table.where(condition.get()).groupBy(dated ? col(DeltaIO.RUN_DATE).cast("string") : lit(null).cast("string"))
                    .count().collectAsList()) {
                rows += row.getLong(1);
                if (!row.isNullAt(0)) {
                    runDates.put(row.getString(0), row.getLong(1));
                }
            }
            if (rows > 0) {
                found.add(new Found(name, path, rows, runDates));
            }
        });
        return found;
    }

    /** What deleting one table's rows did. */
    record Deleted(Found found, long versionBefore, long versionAfter, DeltaMaintenance.Result maintenance) {}

    static Deleted delete(SparkSession spark, Found found, List<Identity> identities, int vacuumHours, String setting) {
        DeltaTable table = DeltaTable.forPath(spark, found.path());
        long before = DeltaMaintenance.version(spark, found.path());
        table.delete(Identity.any(identities, found.table(), table.toDF().schema()).orElseThrow());
        long after = DeltaMaintenance.version(spark, found.path());
        DeltaMaintenance.Result maintenance = DeltaMaintenance.finish(spark, found.path(), vacuumHours, setting);
        return new Deleted(found, before, after, maintenance);
    }
}
