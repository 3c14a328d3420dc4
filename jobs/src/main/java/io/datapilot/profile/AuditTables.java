package io.datapilot.profile;

import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.spark.Jobs;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The Delta tables of the audit, one row per table, column, alert or dictionary entry, per run date. */
final class AuditTables {
    static final String COLUMN_PROFILES = "column_profiles";
    static final String TABLE_PROFILES = "table_profiles";
    static final String ALERTS = "quality_alerts";
    static final String DICTIONARY = "data_dictionary";
    static final String VOLUMETRY = "volumetry";

    private static final ArrayType VALUE_COUNTS = DataTypes.createArrayType(new StructType()
            .add("value", DataTypes.StringType).add("count", DataTypes.LongType));

    private final SparkSession spark;
    private final Warehouse warehouse;
    private final LocalDate runDate;
    private final Timestamp profiledAt = Timestamp.from(Instant.now());

    AuditTables(SparkSession spark, Warehouse warehouse, LocalDate runDate) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.runDate = runDate;
    }

    void write(List<TableProfile> profiles, List<Alert> alerts, List<DictionaryEntry> dictionary, List<VolumeAudit> volumes) {
        write(COLUMN_PROFILES, columnProfiles(profiles));
        write(TABLE_PROFILES, tableProfiles(profiles));
        write(ALERTS, alerts(alerts));
        write(DICTIONARY, dictionary(dictionary));
        write(VOLUMETRY, volumes(volumes));
    }

    private record Rows(StructType schema, List<Row> rows) {}

    private void write(String name, Rows rows) {
        Jobs.labelled(spark, "profile", "writing audit." + name, () -> DeltaIO.replaceRunDate(
                spark.createDataFrame(rows.rows(), rows.schema()), warehouse.table(Layer.AUDIT, name), runDate, null,
                "datapilot profile " + runDate));
    }

    private Object[] withRun(Object... values) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + 2);
        all[values.length] = profiledAt;
        all[values.length + 1] = Date.valueOf(runDate);
        return all;
    }

    private static StructType withRun(StructType schema) {
        return schema.add("_profiled_at", DataTypes.TimestampType).add(DeltaIO.RUN_DATE, DataTypes.DateType);
    }

    private Rows columnProfiles(List<TableProfile> profiles) {
        StructType schema = withRun(new StructType()
                .add("table", DataTypes.StringType).add("column", DataTypes.StringType).add("type", DataTypes.StringType)
                .add("semantic_type", DataTypes.StringType).add("rows", DataTypes.LongType).add("count", DataTypes.LongType)
                .add("nulls", DataTypes.LongType).add("empty", DataTypes.LongType).add("blank", DataTypes.LongType)
                .add("missing_share", DataTypes.DoubleType).add("distinct_approx", DataTypes.LongType)
                .add("distinct_exact", DataTypes.LongType).add("min", DataTypes.StringType).add("max", DataTypes.StringType)
                .add("mean", DataTypes.DoubleType).add("stddev", DataTypes.DoubleType).add("skewness", DataTypes.DoubleType)
                .add("kurtosis", DataTypes.DoubleType).add("quartiles", DataTypes.createArrayType(DataTypes.DoubleType))
                .add("zeros", DataTypes.LongType).add("negatives", DataTypes.LongType).add("min_length", DataTypes.IntegerType)
                .add("max_length", DataTypes.IntegerType).add("min_bytes", DataTypes.IntegerType).add("max_bytes", DataTypes.IntegerType)
                .add("average_length", DataTypes.DoubleType).add("numeric_text", DataTypes.LongType).add("date_text", DataTypes.LongType)
                .add("invalid_format", DataTypes.LongType).add("outliers", DataTypes.LongType).add("future", DataTypes.LongType)
                .add("too_old", DataTypes.LongType).add("top_values", VALUE_COUNTS)
                .add("examples", DataTypes.createArrayType(DataTypes.StringType)).add("personal", DataTypes.BooleanType));
        List<Row> rows = new ArrayList<>();
        for (TableProfile table : profiles) {
            for (ColumnProfile c : table.columns()) {
                List<Row> top = c.topValues().stream().map(value -> RowFactory.create(value.value(), value.count())).toList();
                rows.add(RowFactory.create(withRun(table.table(), c.column(), c.type(), c.semanticType().key(), c.rows(), c.count(),
                        c.nulls(), c.empty(), c.blank(), c.missingShare(), c.distinctApprox(), c.distinctExact(), c.min(), c.max(),
                        c.mean(), c.stddev(), c.skewness(), c.kurtosis(), c.quartiles(), c.zeros(), c.negatives(), c.minLength(),
                        c.maxLength(), c.minBytes(), c.maxBytes(), c.averageLength(), c.numericText(), c.dateText(),
                        c.invalidFormat(), c.outliers(), c.future(), c.tooOld(), top, c.examples(), c.personal())));
            }
        }
        return new Rows(schema, rows);
    }

    private Rows tableProfiles(List<TableProfile> profiles) {
        StructType schema = withRun(new StructType().add("table", DataTypes.StringType).add("rows", DataTypes.LongType)
                .add("columns", DataTypes.IntegerType).add("duplicate_rows", DataTypes.LongType)
                .add("duplicate_keys", DataTypes.LongType).add("key", DataTypes.StringType)
                .add("spark_jobs", DataTypes.IntegerType).add("duration_ms", DataTypes.LongType));
        List<Row> rows = profiles.stream().map(table -> RowFactory.create(withRun(table.table(), table.rows(), table.columns().size(),
                table.duplicateRows(), table.duplicateKeys(), String.join(", ", table.key()), table.sparkJobs(), table.millis()))).toList();
        return new Rows(schema, rows);
    }

    private Rows alerts(List<Alert> alerts) {
        StructType schema = withRun(new StructType().add("table", DataTypes.StringType).add("column", DataTypes.StringType)
                .add("kind", DataTypes.StringType).add("count", DataTypes.LongType).add("share", DataTypes.DoubleType)
                .add("example", DataTypes.StringType).add("severity", DataTypes.StringType).add("threshold", DataTypes.StringType)
                .add("message", DataTypes.StringType));
        List<Row> rows = alerts.stream().map(alert -> RowFactory.create(withRun(alert.table(), alert.column(), alert.kind().key(),
                alert.count(), alert.share(), alert.example(), alert.severity().key(), alert.threshold(), alert.message()))).toList();
        return new Rows(schema, rows);
    }

    private Rows dictionary(List<DictionaryEntry> entries) {
        StructType schema = withRun(new StructType().add("table", DataTypes.StringType).add("position", DataTypes.IntegerType)
                .add("column", DataTypes.StringType).add("original_names", DataTypes.StringType).add("source_files", DataTypes.StringType)
                .add("type", DataTypes.StringType).add("semantic_type", DataTypes.StringType).add("description", DataTypes.StringType)
                .add("unit", DataTypes.StringType).add("nullable", DataTypes.BooleanType).add("missing_share", DataTypes.DoubleType)
                .add("distinct", DataTypes.LongType).add("examples", DataTypes.StringType).add("min", DataTypes.StringType)
                .add("max", DataTypes.StringType).add("max_length_chars", DataTypes.IntegerType)
                .add("max_length_bytes", DataTypes.IntegerType).add("personal", DataTypes.BooleanType)
                .add("personal_category", DataTypes.StringType).add("rgpd_treatment", DataTypes.StringType)
                .add("alerts", DataTypes.StringType));
        List<Row> rows = entries.stream().map(e -> RowFactory.create(withRun(e.table(), e.position(), e.column(), e.originalNames(),
                e.sourceFiles(), e.type(), e.semanticType(), e.description(), e.unit(), e.nullable(), e.missingShare(), e.distinct(),
                e.examples(), e.min(), e.max(), e.maxLengthChars(), e.maxLengthBytes(), e.personal(), e.personalCategory(),
                e.rgpdTreatment(), e.alerts()))).toList();
        return new Rows(schema, rows);
    }

    private Rows volumes(List<VolumeAudit> volumes) {
        StructType schema = withRun(new StructType().add("table", DataTypes.StringType).add("rows", DataTypes.LongType)
                .add("columns", DataTypes.IntegerType).add("disk_bytes", DataTypes.LongType).add("source_bytes", DataTypes.LongType)
                .add("memory_bytes_estimate", DataTypes.LongType).add("previous_rows", DataTypes.LongType)
                .add("growth", DataTypes.DoubleType).add("volume_class", DataTypes.StringType)
                .add("storage_recommendation", DataTypes.StringType).add("reasons", DataTypes.StringType));
        List<Row> rows = volumes.stream().map(v -> RowFactory.create(withRun(v.table(), v.rows(), v.columns(), v.diskBytes(),
                v.sourceBytes(), v.memoryBytes(), v.previousRows(), v.growth(), v.volumeClass(), v.recommendation(),
                String.join(" ; ", v.reasons())))).toList();
        return new Rows(schema, rows);
    }
}
