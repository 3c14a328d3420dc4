package io.datapilot.core.stages;

import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code governance.run_kpis}: one row per stage and run date, written by the runner (never by the
 * stages). The facts of several stages go in one commit: {@code datapilot run} writes what it has
 * before the stage that reads the table, at the end and on a failure, not one commit per stage.
 * A rerun of a stage for the same run date replaces its row.
 */
public final class RunKpis {
    public static final String TABLE = "run_kpis";
    static final StructType SCHEMA = new StructType()
            .add("stage", DataTypes.StringType, false)
            .add("started_at", DataTypes.TimestampType, false)
            .add("ended_at", DataTypes.TimestampType, false)
            .add("duration_seconds", DataTypes.DoubleType, false)
            .add("rows_in", DataTypes.LongType)
            .add("rows_out", DataTypes.LongType)
            .add("rows_quarantined", DataTypes.LongType)
            .add("status", DataTypes.StringType, false)
            .add("message", DataTypes.StringType)
            .add("spark_jobs", DataTypes.IntegerType, false)
            .add(DeltaIO.RUN_DATE, DataTypes.DateType, false);

    private RunKpis() {}

    public static void write(SparkSession spark, Warehouse warehouse, LocalDate runDate, List<RunFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (RunFact fact : facts) {
            rows.add(RowFactory.create(fact.stage(), Timestamp.from(fact.started()), Timestamp.from(fact.ended()), fact.durationSeconds(),
                    fact.rowsIn(), fact.rowsOut(), fact.rowsQuarantined(), fact.status(), fact.message(), fact.sparkJobs(),
                    Date.valueOf(runDate)));
        }
        String stages = facts.stream().map(fact -> DeltaIO.quote(fact.stage())).distinct().collect(Collectors.joining(", "));
        DeltaIO.replaceRunDate(spark.createDataFrame(rows, SCHEMA).coalesce(1), warehouse.table(Layer.GOVERNANCE, TABLE), runDate,
                "stage IN (" + stages + ")", "run facts of " + stages.replace("'", "") + " for " + runDate);
    }
}
