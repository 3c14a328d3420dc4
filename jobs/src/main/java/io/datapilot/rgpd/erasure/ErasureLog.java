package io.datapilot.rgpd.erasure;

import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.RecordRows;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** {@code governance.erasure_log}: appended to by every erasure, one commit per request, never rewritten. */
public final class ErasureLog {
    private ErasureLog() {}

    public static String path(Warehouse warehouse) {
        return warehouse.table(Layer.GOVERNANCE, ErasureEntry.TABLE);
    }

    static void append(SparkSession spark, Warehouse warehouse, LocalDate runDate, List<ErasureEntry> entries) {
        RecordRows.untagged(spark, ErasureEntry.class, entries, new Timestamp(System.currentTimeMillis()), Date.valueOf(runDate))
                .coalesce(1).write().format("delta").mode("append").option("userMetadata", "governance.erasure_log: request "
                        + entries.get(0).requestId()).save(path(warehouse));
    }

    /** The lines of earlier handlings of a request: handled at, table, rows. */
    static List<Row> of(SparkSession spark, Warehouse warehouse, String requestId) {
        String path = path(warehouse);
        if (!DeltaIO.exists(spark, path)) {
            return List.of();
        }
        return spark.read().format("delta").load(path).where(functions.col("request_id").equalTo(requestId))
                .select("handled_at", "table_name", "rows_deleted").collectAsList();
    }
}
