package io.datapilot.governance.logbook;

import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.stages.RunKpis;
import io.datapilot.governance.GovernanceTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The incidents of the run date, read from the tables the stages and the runner wrote: failed stages
 * ({@code governance.run_kpis}), warning and critical quality alerts ({@code audit.quality_alerts}; the
 * informative ones are the profile's, not incidents), quarantined rows by source, reason and column
 * ({@code audit.quarantine}), failed gate checks ({@code audit.quality_gate}) and overflows (a load stopped
 * by one, or a column widened: {@code audit.schema_report}).
 */
public final class IncidentSources {
    private IncidentSources() {}

    public static List<Incident> read(GovernanceTables tables) {
        List<Incident> incidents = new ArrayList<>();
        for (Row row : tables.rows(Layer.GOVERNANCE, RunKpis.TABLE, "stage", "status", "message")) {
            if ("failed".equals(row.getString(1))) {
                String message = row.isNullAt(2) ? "" : row.getString(2);
                boolean overflow = "load".equals(row.getString(0)) && message.toLowerCase(Locale.ROOT).contains("overflow");
                incidents.add(overflow ? new Incident(Incident.OVERFLOW, "stop", null, null, message, 0)
                        : new Incident(Incident.STAGE_FAILURE, row.getString(0), null, null, message, 0));
            }
        }
        for (Row row : tables.rows(Layer.AUDIT, "quality_alerts", "table", "column", "kind", "count", "severity", "message")) {
            if (!"info".equals(row.getString(4))) {
                incidents.add(new Incident(Incident.QUALITY_ALERT, row.getString(2), row.getString(0), row.isNullAt(1) ? null : row.getString(1),
                        row.isNullAt(5) ? null : row.getString(5), row.isNullAt(3) ? 0 : row.getLong(3)));
            }
        }
        incidents.addAll(quarantine(tables));
        for (Row row : tables.rows(Layer.AUDIT, "quality_gate", "check", "subject", "passed", "message")) {
            if (!row.isNullAt(2) && !row.getBoolean(2)) {
                incidents.add(new Incident(Incident.GATE_FAILURE, row.getString(0), row.isNullAt(1) ? null : row.getString(1), null,
                        row.isNullAt(3) ? null : row.getString(3), 0));
            }
        }
        for (Row row : tables.rows(Layer.AUDIT, "schema_report", "table", "column", "reason")) {
            if (!row.isNullAt(2) && row.getString(2).contains("élargi le " + tables.runDate())) {
                incidents.add(new Incident(Incident.OVERFLOW, "widen", row.getString(0), row.getString(1), row.getString(2), 0));
            }
        }
        return incidents;
    }

    /**
     * Quarantined rows grouped by source, reason code and column on the executors (the table can be as
     * large as the bad part of a source); only the groups reach the driver. The reasons' texts hold values
     * of the run (fences, examples): they are grouped by their code and never kept.
     */
    private static List<Incident> quarantine(GovernanceTables tables) {
        java.util.Optional<org.apache.spark.sql.Dataset<Row>> table = tables.read(Layer.AUDIT, "quarantine");
        if (table.isEmpty()) {
            return List.of();
        }
        org.apache.spark.sql.expressions.UserDefinedFunction code = functions.udf(
                (org.apache.spark.sql.api.java.UDF1<String, String>) reason -> QuarantineReasons.code(reason == null ? "" : reason),
                org.apache.spark.sql.types.DataTypes.StringType);
        org.apache.spark.sql.expressions.UserDefinedFunction column = functions.udf(
                (org.apache.spark.sql.api.java.UDF1<String, String>) reason -> QuarantineReasons.column(reason == null ? "" : reason),
                org.apache.spark.sql.types.DataTypes.StringType);
        List<Row> groups = table.get()
                .where(functions.col(io.datapilot.core.delta.DeltaIO.RUN_DATE).equalTo(functions.lit(java.sql.Date.valueOf(tables.runDate()))))
                .select(functions.col("source"), functions.explode(functions.coalesce(functions.col("reasons"),
                        functions.array(functions.col("reason")))).as("reason"))
                .select(functions.col("source"), code.apply(functions.col("reason")).as("code"), column.apply(functions.col("reason")).as("column"))
                .groupBy("source", "code", "column").count()
                .orderBy("source", "code", "column").collectAsList();
        List<Incident> incidents = new ArrayList<>();
        for (Row row : groups) {
            incidents.add(new Incident(Incident.QUARANTINE, row.getString(1), row.getString(0), row.isNullAt(2) ? null : row.getString(2), null,
                    row.getLong(3)));
        }
        return incidents;
    }
}
