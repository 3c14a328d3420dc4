package io.datapilot.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.sum;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.config.QualityGateConfig;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.text.Numbers;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The quality gate: reads what ingestion and the audit recorded for a run date (audit.ingest_runs,
 * audit.quality_alerts, audit.column_profiles), compares it with {@code quality_gate} thresholds,
 * writes every check to audit.quality_gate, and fails when one is not met — so that the nightly
 * DAG stops before later stages use data the project does not trust.
 */
public final class QualityGate {
    public static final String TABLE = "quality_gate";
    private final SparkSession spark;
    private final Warehouse warehouse;
    private final QualityGateConfig thresholds;
    private final LocalDate runDate;

    public QualityGate(SparkSession spark, Warehouse warehouse, QualityGateConfig thresholds, LocalDate runDate) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.thresholds = thresholds;
        this.runDate = runDate;
    }

    /** Every check, written to audit.quality_gate; throws when one failed. */
    public List<GateCheck> execute() {
        List<GateCheck> checks = new ArrayList<>();
        checks.addAll(quarantine());
        checks.addAll(criticalAlerts());
        checks.addAll(completeness());
        write(checks);
        List<GateCheck> failed = checks.stream().filter(check -> !check.passed()).toList();
        if (!failed.isEmpty()) {
            StringBuilder message = new StringBuilder("The quality gate failed for run date " + runDate + ": "
                    + failed.size() + " of " + checks.size() + " checks are not met (all are in audit.quality_gate):");
            failed.forEach(check -> message.append("\n  - ").append(check.message()));
            message.append("\nLater stages would use data below the project's thresholds. Correct the sources (see"
                    + " audit.quarantine and audit.quality_alerts), or, if the thresholds are wrong for this data, change"
                    + " quality_gate in the configuration; then rerun with --from quality_gate.");
            throw new DatapilotException(ErrorKind.DATA, message.toString());
        }
        return checks;
    }

    private Dataset<Row> audit(String name, String stage) {
        String path = warehouse.table(Layer.AUDIT, name);
        if (!DeltaIO.exists(spark, path)) {
            throw new DatapilotException(ErrorKind.DATA, "Cannot check quality: " + Warehouse.displayName(Layer.AUDIT, name)
                    + " does not exist at " + path + ". Run the " + stage + " stage for run date " + runDate
                    + " first (datapilot run --from " + stage + ").");
        }
        return DeltaIO.readRunDate(spark, path, runDate);
    }

    private List<GateCheck> quarantine() {
        List<Row> runs = audit("ingest_runs", "ingest").groupBy("source")
                .agg(sum("rows_read").alias("read"), sum("rows_quarantined").alias("quarantined"))
                .orderBy("source").collectAsList();
        if (runs.isEmpty()) {
            throw missing("audit.ingest_runs", "ingest");
        }
        double limit = thresholds.maxQuarantineRatio();
        List<GateCheck> checks = new ArrayList<>();
        for (Row run : runs) {
            long read = run.getLong(1);
            long quarantined = run.getLong(2);
            double ratio = read == 0 ? 0 : (double) quarantined / read;
            boolean passed = ratio <= limit;
            checks.add(new GateCheck("quarantine_ratio", run.getString(0), ratio, limit, passed, "source " + run.getString(0)
                    + ": " + Numbers.count(quarantined) + " of " + Numbers.count(read) + " rows in quarantine ("
                    + Numbers.percent(ratio) + "), " + (passed ? "within" : "above") + " quality_gate.max_quarantine_ratio "
                    + Numbers.percent(limit)));
        }
        return checks;
    }

    private List<GateCheck> criticalAlerts() {
        Integer limit = thresholds.maxCriticalAlerts();
        if (limit == null) {
            return List.of();
        }
        long critical = audit("quality_alerts", "profile").where(lower(col("severity")).equalTo("critical")).count();
        boolean passed = critical <= limit;
        return List.of(new GateCheck("critical_alerts", "all", critical, limit, passed, Numbers.count(critical)
                + " critical quality alerts, " + (passed ? "within" : "above") + " quality_gate.max_critical_alerts " + limit));
    }

    private List<GateCheck> completeness() {
        List<Row> tables = audit("column_profiles", "profile").groupBy("table")
                .agg(sum("rows").alias("cells"),
                        sum(col("nulls").plus(coalesce(col("empty"), lit(0L))).plus(coalesce(col("blank"), lit(0L)))).alias("missing"),
                        count(lit(1)).alias("columns"))
                .orderBy("table").collectAsList();
        if (tables.isEmpty()) {
            throw missing("audit.column_profiles", "profile");
        }
        double limit = thresholds.minCompleteness();
        List<GateCheck> checks = new ArrayList<>();
        for (Row table : tables) {
            long cells = table.getLong(1);
            double complete = cells == 0 ? 1 : 1 - (double) table.getLong(2) / cells;
            boolean passed = complete >= limit;
            checks.add(new GateCheck("completeness", table.getString(0), complete, limit, passed, "table " + table.getString(0)
                    + ": " + Numbers.percent(complete) + " of its cells are filled, " + (passed ? "at or above" : "below")
                    + " quality_gate.min_completeness " + Numbers.percent(limit)));
        }
        return checks;
    }

    private DatapilotException missing(String table, String stage) {
        return new DatapilotException(ErrorKind.DATA, "Cannot check quality: " + table + " has no rows for run date " + runDate
                + ". Run the " + stage + " stage for that date first (datapilot run --from " + stage + " --run-date " + runDate
                + ").");
    }

    private void write(List<GateCheck> checks) {
        StructType schema = new StructType().add("check", DataTypes.StringType).add("subject", DataTypes.StringType)
                .add("value", DataTypes.DoubleType).add("threshold", DataTypes.DoubleType).add("passed", DataTypes.BooleanType)
                .add("message", DataTypes.StringType).add("_checked_at", DataTypes.TimestampType)
                .add(DeltaIO.RUN_DATE, DataTypes.DateType);
        Timestamp now = Timestamp.from(Instant.now());
        List<Row> rows = checks.stream().map(check -> RowFactory.create(check.check(), check.subject(), check.value(),
                check.threshold(), check.passed(), check.message(), now, Date.valueOf(runDate))).toList();
        DeltaIO.replaceRunDate(spark.createDataFrame(rows, schema), warehouse.table(Layer.AUDIT, TABLE), runDate, null,
                "datapilot quality-gate " + runDate);
    }
}
