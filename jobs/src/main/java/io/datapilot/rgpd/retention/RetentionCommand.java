package io.datapilot.rgpd.retention;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import io.datapilot.rgpd.VacuumHours;
import io.datapilot.core.config.RgpdConfig.RetentionPolicy;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.DeltaMaintenance;
import io.datapilot.core.delta.RecordRows;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.delta.WarehouseTables;
import io.datapilot.rgpd.erasure.ErasureEntry;
import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code datapilot retention}: the run dates of every table older than its retention period
 * ({@code rgpd.retention_policy.days}), listed by default and deleted with {@code --apply}, which
 * also vacuums the tables it deleted from and those of earlier erasures, and expires their log (finishing
 * the erasures once their files are out of the vacuum's retention). Both are logged in {@code governance.retention_log}.
 */
@Command(name = "retention", description = "List the run dates older than each table's retention period"
        + " (rgpd.retention_policy.days); with --apply, delete them, then vacuum the tables it deleted from and those of earlier"
        + " erasures after rgpd.retention_policy.vacuum_hours and expire their log's old commits. Logged in governance.retention_log"
        + " either way.")
public final class RetentionCommand extends DatapilotCommand {
    /** The evidence of the register: kept whatever the layer's or the default period, unless named themselves. */
    private static final List<String> EVIDENCE = List.of("governance." + ErasureEntry.TABLE, "governance." + RetentionEntry.TABLE);

    @picocli.CommandLine.Mixin
    VacuumHours vacuum = new VacuumHours();

    @Option(names = "--apply", description = "Delete the expired run dates and vacuum (without it, only list them).")
    boolean apply;

    /** The tables earlier erasures deleted from: their old files may still wait for the vacuum's retention. */
    private static java.util.Set<String> erasedTables(SparkSession spark, Warehouse warehouse) {
        String path = io.datapilot.rgpd.erasure.ErasureLog.path(warehouse);
        if (!DeltaIO.exists(spark, path)) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(spark.read().format("delta").load(path).where(col("table_name").isNotNull())
                .select("table_name").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    }

    @Override
    protected int run(RunContext context) {
        SparkSession spark = context.spark();
        Warehouse warehouse = context.warehouse();
        RetentionPolicy policy = context.config().rgpd().retentionPolicy();
        int hours = vacuum.of(context.config().rgpd());
        Instant now = Instant.now();
        String mode = apply ? "apply" : "dry-run";
        java.util.Set<String> erased = erasedTables(spark, warehouse);
        List<RetentionEntry> entries = new ArrayList<>();
        long rowsTotal = 0;
        for (Map.Entry<String, String> table : WarehouseTables.list(warehouse, spark.sparkContext().hadoopConfiguration()).entrySet()) {
            String name = table.getKey();
            int dot = name.indexOf('.');
            Optional<Map.Entry<String, Integer>> rule = policy.daysFor(name.substring(0, dot), name.substring(dot + 1))
                    .filter(found -> !EVIDENCE.contains(name) || found.getKey().equals(name));
            Dataset<Row> rows = spark.read().format("delta").load(table.getValue());
            boolean dated = List.of(rows.schema().fieldNames()).contains(DeltaIO.RUN_DATE);
            if (rule.isEmpty() || !dated) {
                context.err().println("[retention] " + name + ": keeps every run date (" + (dated ? "no period in rgpd.retention_policy.days"
                        : "no run date column") + ")");
                if (apply && erased.contains(name)) {
                    DeltaMaintenance.finish(spark, table.getValue(), hours, VacuumHours.SETTING);
                }
                continue;
            }
            LocalDate cutoff = context.runDate().minusDays(rule.get().getValue());
            TreeMap<String, Long> expired = new TreeMap<>();
            rows.where(col(DeltaIO.RUN_DATE).lt(lit(Date.valueOf(cutoff)))).groupBy(col(DeltaIO.RUN_DATE).cast("string")).count()
                    .collectAsList().forEach(row -> expired.put(row.getString(0), row.getLong(1)));
            long count = expired.values().stream().mapToLong(Long::longValue).sum();
            rowsTotal += count;
            Long before = null;
            Long after = null;
            long expiredLog = 0;
            if (apply) {
                before = DeltaMaintenance.version(spark, table.getValue());
                if (count > 0) {
                    DeltaTable.forPath(spark, table.getValue()).delete(col(DeltaIO.RUN_DATE).lt(lit(Date.valueOf(cutoff))));
                }
                after = DeltaMaintenance.version(spark, table.getValue());
                if (count > 0 || erased.contains(name)) {
                    expiredLog = DeltaMaintenance.finish(spark, table.getValue(), hours, VacuumHours.SETTING).logFilesRemoved();
                }
            }
            context.err().println("[retention] " + name + ": " + rule.get().getValue() + " days (" + rule.get().getKey() + "), before "
                    + cutoff + ": " + (expired.isEmpty() ? "nothing expired" : count + " row(s) of " + expired.size() + " run date(s) "
                            + (apply ? "deleted" : "to delete") + " (" + String.join(", ", expired.keySet()) + ")"));
            entries.add(new RetentionEntry(now, mode, name, rule.get().getValue(), rule.get().getKey(), cutoff,
                    String.join(", ", expired.keySet()), count, before, after, expiredLog));
        }
        if (!entries.isEmpty()) {
            RecordRows.untagged(spark, RetentionEntry.class, entries, Timestamp.from(now), Date.valueOf(context.runDate())).coalesce(1)
                    .write().format("delta").mode("append").option("userMetadata", "governance.retention_log: " + mode)
                    .save(warehouse.table(Layer.GOVERNANCE, RetentionEntry.TABLE));
        }
        context.out().println(apply ? "Retention applied: " + rowsTotal + " row(s) deleted from " + entries.stream()
                .filter(entry -> entry.rowsDeleted() > 0).count() + " table(s); those and the tables of earlier erasures vacuumed after " + hours
                + " hours; logged in governance." + RetentionEntry.TABLE + "."
                : "Dry run: " + rowsTotal + " row(s) of " + entries.stream().filter(entry -> entry.rowsDeleted() > 0).count()
                        + " table(s) are out of their retention period; nothing was deleted. Run datapilot retention --apply to delete them.");
        return 0;
    }
}
