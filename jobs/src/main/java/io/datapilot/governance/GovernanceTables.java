package io.datapilot.governance;

import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.RecordRows;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The governance stage's reads and writes: every table it writes is {@code governance.<name>}, one
 * partition per run date, replaced by a rerun of the same date; earlier run dates are kept (they
 * are the KPIs' history).
 */
public final class GovernanceTables {
    private final SparkSession spark;
    private final Warehouse warehouse;
    private final LocalDate runDate;
    private final Timestamp now = new Timestamp(System.currentTimeMillis());

    public GovernanceTables(SparkSession spark, Warehouse warehouse, LocalDate runDate) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.runDate = runDate;
    }

    public SparkSession spark() {
        return spark;
    }

    public LocalDate runDate() {
        return runDate;
    }

    public <R extends Record> void write(String name, Class<R> type, List<R> records) {
        Dataset<Row> rows = RecordRows.untagged(spark, type, records, now, Date.valueOf(runDate)).coalesce(1);
        DeltaIO.replaceRunDate(rows, warehouse.table(Layer.GOVERNANCE, name), runDate, null, "governance." + name + " for " + runDate);
    }

    /**
     * Removes the run date's rows of a table the stage no longer fills (a part of the configuration removed
     * before a rerun), so that the date shows no stale figures; a table never written stays absent.
     */
    public void clear(String name) {
        String path = warehouse.table(Layer.GOVERNANCE, name);
        if (DeltaIO.exists(spark, path)) {
            Dataset<Row> table = spark.read().format("delta").load(path);
            DeltaIO.replaceRunDate(spark.createDataFrame(List.of(), table.schema()), path, runDate, null,
                    "governance." + name + " for " + runDate + ": not configured");
        }
    }

    /**
     * The rows of a table for the run date; empty when the table does not exist (its stage did not run).
     * For the audit, gold and governance tables, bounded by columns, checks and models, never for a data table.
     */
    public List<Row> rows(Layer layer, String name, String... columns) {
        Optional<Dataset<Row>> table = read(layer, name);
        if (table.isEmpty()) {
            return List.of();
        }
        Dataset<Row> rows = table.get().where(functions.col(DeltaIO.RUN_DATE).equalTo(functions.lit(Date.valueOf(runDate))));
        return (columns.length == 0 ? rows : rows.selectExpr(columns)).collectAsList();
    }

    /** The latest run date before this one that the table holds, if any. */
    public Optional<LocalDate> previousRunDate(String name) {
        Optional<Dataset<Row>> table = read(Layer.GOVERNANCE, name);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        Row latest = table.get().where(functions.col(DeltaIO.RUN_DATE).lt(functions.lit(Date.valueOf(runDate))))
                .agg(functions.max(DeltaIO.RUN_DATE)).first();
        return latest.isNullAt(0) ? Optional.empty() : Optional.of(latest.getDate(0).toLocalDate());
    }

    /** The rows of a governance table for another run date. */
    public List<Row> rowsOf(String name, LocalDate date, String... columns) {
        Optional<Dataset<Row>> table = read(Layer.GOVERNANCE, name);
        if (table.isEmpty()) {
            return List.of();
        }
        Dataset<Row> rows = table.get().where(functions.col(DeltaIO.RUN_DATE).equalTo(functions.lit(Date.valueOf(date))));
        return (columns.length == 0 ? rows : rows.selectExpr(columns)).collectAsList();
    }

    public Optional<Dataset<Row>> read(Layer layer, String name) {
        String path = warehouse.table(layer, name);
        return DeltaIO.exists(spark, path) ? Optional.of(spark.read().format("delta").load(path)) : Optional.empty();
    }
}
