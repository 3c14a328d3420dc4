package io.datapilot.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.config.SourceFormat;
import io.datapilot.core.config.TreatmentConfig.Treatment;
import io.datapilot.rgpd.ColumnTreatment;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.spark.Jobs;
import io.datapilot.ingest.IngestResult.ReasonCount;
import io.datapilot.ingest.SourcePlan.PlannedColumn;
import io.datapilot.ingest.read.RawSource;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * One source on its way to the warehouse: parsed rows held in Spark's cache so that counting,
 * the bronze table and the quarantine each read the files once in all.
 */
final class SourceLoad implements AutoCloseable {
    private static final int TOP_REASONS = 5;


    private final SparkSession spark;
    private final SourcePlan plan;
    private final Map<String, TypedColumn> types;
    private final Map<String, ColumnTreatment> treatments;
    private final Dataset<Row> parsed;
    private long rows;
    private long bad;
    private Dataset<Row> offsets;
    private List<ReasonCount> reasons = List.of();
    private final Map<String, Long> invalidFormats = new HashMap<>();

    SourceLoad(SparkSession spark, RawSource raw, Map<String, TypedColumn> types, Map<String, ColumnTreatment> treatments,
            UserDefinedFunction pseudonymise, LocalDate runDate) {
        this.spark = spark;
        this.plan = raw.plan();
        this.types = types;
        this.treatments = treatments;
        this.parsed = RowParser.parse(raw, types, treatments, pseudonymise, runDate).persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** Reads and parses every row once (filling the cache) and counts good and bad rows. */
    void count() {
        List<String> invalidFlags = java.util.Arrays.stream(parsed.columns())
                .filter(name -> name.startsWith(RowParser.INVALID_PREFIX)).toList();
        List<Column> extra = new ArrayList<>();
        invalidFlags.forEach(flag -> extra.add(sum(when(col(flag), 1).otherwise(0)).alias(flag)));
        List<Row> segments = Jobs.labelled(spark, "ingest", plan.name() + " · reading and checking rows",
                () -> parsed.groupBy(col(RawSource.PARTITION), col(RawSource.FILE), col(RawSource.BLOCK))
                        .agg(functions.count(lit(1)).alias("rows"), joined(List.of(
                                sum(when(RowParser.isBad(), 1).otherwise(0)).alias("bad"),
                                min(col(RawSource.SEQUENCE)).alias("first"),
                                max(col(RawSource.SEQUENCE)).alias("last")), extra).toArray(Column[]::new))
                        .collectAsList());
        for (String flag : invalidFlags) {
            invalidFormats.put(flag.substring(RowParser.INVALID_PREFIX.length()), segments.stream()
                    .mapToLong(row -> row.isNullAt(row.fieldIndex(flag)) ? 0 : row.getLong(row.fieldIndex(flag))).sum());
        }
        rows = segments.stream().mapToLong(row -> row.getLong(3)).sum();
        bad = segments.stream().mapToLong(row -> row.getLong(4)).sum();
        failIfRowsWereSkipped();
        offsets = offsets(segments);
        if (bad > 0) {
            reasons = Jobs.labelled(spark, "ingest", plan.name() + " · summarising bad rows",
                    () -> parsed.where(RowParser.isBad())
                            .select(explode(RowParser.reasons()).alias("reason"))
                            .groupBy("reason").count().orderBy(desc("count"), col("reason")).limit(TOP_REASONS)
                            .collectAsList().stream()
                            .map(row -> new ReasonCount(row.getString(0), row.getLong(1)))
                            .toList());
        }
    }

    /**
     * spark-excel reads with {@code ignoreCorruptFiles} forced on: when it fails in the middle of a
     * workbook it logs a warning and returns the rows read so far. The inspection counted the sheet's
     * rows without Spark, so a shortfall is caught here instead of silently losing rows.
     */
    private void failIfRowsWereSkipped() {
        long expected = plan.inspection().expectedRows();
        if (expected >= 0 && rows != expected) {
            throw new DatapilotException(ErrorKind.DATA, "Cannot read every row of source " + plan.name() + " ("
                    + String.join(", ", plan.inspection().files()) + "): Spark returned " + rows + " rows but sheet \""
                    + plan.inspection().sheet() + "\" holds " + expected + " rows below its header. The Excel reader skips"
                    + " the rest of a workbook it fails to read, with only a warning in the log; rerun with --verbose to see"
                    + " it, then check the workbook for unusual content (merged or protected cells, external links), or save"
                    + " the sheet again as a plain .xlsx. Nothing was written.");
        }
    }

    /**
     * Record numbers per file: each partition holds rows of file splits in file order, so a row's
     * number is the rows of earlier splits of its file plus its rank in its own split.
     */
    private Dataset<Row> offsets(List<Row> segments) {
        Map<String, List<Row>> byFile = new HashMap<>();
        segments.forEach(segment -> byFile.computeIfAbsent(segment.getString(1), file -> new ArrayList<>()).add(segment));
        List<Row> offsetRows = new ArrayList<>();
        for (List<Row> splits : byFile.values()) {
            splits.sort(Comparator.comparingLong((Row row) -> row.getLong(2)).thenComparingInt(row -> row.getInt(0)));
            long before = 0;
            for (Row split : splits) {
                offsetRows.add(RowFactory.create(split.getInt(0), split.getString(1), split.getLong(2), split.getLong(5), before));
                before += split.getLong(6) - split.getLong(5) + 1;
            }
        }
        StructType schema = new StructType()
                .add("o_pid", DataTypes.IntegerType).add("o_file", DataTypes.StringType).add("o_block", DataTypes.LongType)
                .add("o_first", DataTypes.LongType).add("o_before", DataTypes.LongType);
        return spark.createDataFrame(offsetRows, schema);
    }

    private Dataset<Row> numbered() {
        Dataset<Row> joined = parsed.join(broadcast(offsets),
                col(RawSource.PARTITION).equalTo(col("o_pid"))
                        .and(col(RawSource.FILE).equalTo(col("o_file")))
                        .and(col(RawSource.BLOCK).equalTo(col("o_block"))));
        Column number = List.of(parsed.columns()).contains(RawSource.SHEET_ROW)
                ? col(RawSource.SHEET_ROW).cast(DataTypes.LongType).plus(1)
                : col("o_before").plus(col(RawSource.SEQUENCE)).minus(col("o_first")).plus(1);
        return joined.withColumn(IngestTables.ROW_NUMBER, number);
    }

    void writeBronze(Warehouse warehouse, LocalDate runDate, Timestamp ingestedAt) {
        List<Column> columns = new ArrayList<>();
        if (plan.source().generatedKey()) {
            columns.add(generatedKey());
        }
        for (PlannedColumn column : plan.columns()) {
            ColumnTreatment treatment = treatments.get(column.name());
            if (treatment == null || treatment.treatment() != Treatment.DROP) {
                columns.add(col(RowParser.quoted(column.name())).as(column.name(), metadata(column)));
            }
        }
        columns.add(col(RawSource.FILE).alias(IngestTables.SOURCE_FILE));
        columns.add(col(IngestTables.ROW_NUMBER));
        columns.add(lit(ingestedAt).alias(IngestTables.INGESTED_AT));
        columns.add(lit(java.sql.Date.valueOf(runDate)).alias(DeltaIO.RUN_DATE));
        Dataset<Row> good = numbered().where(functions.not(RowParser.isBad())).select(columns.toArray(Column[]::new));
        Jobs.labelled(spark, "ingest", plan.name() + " · writing bronze." + plan.name(),
                () -> DeltaIO.replaceRunDate(good, IngestTables.bronze(warehouse, plan.name()), runDate, null,
                        "datapilot ingest " + runDate));
    }

    /**
     * {@code key: auto}: the file's name and the row's number ({@code meteo.csv:12}), the same for
     * the same files on every rerun, so that a row keeps its key from one run date to the next.
     */
    private Column generatedKey() {
        // the file's path below the source's folder, decoded: files of the same name in two folders stay apart
        String folder = sourceFolder(plan.source().path());
        Column path = functions.expr("url_decode(" + RawSource.FILE + ")");
        Column fileName = folder == null ? functions.element_at(functions.split(path, "/"), -1)
                : functions.regexp_replace(path, "^.*?" + java.util.regex.Pattern.quote(folder) + "/+", "");
        Metadata metadata = new MetadataBuilder()
                .putString("comment", "Clé générée par datapilot (key: auto) : nom du fichier et numéro de ligne")
                .putString("datapilot.original_name", SourceConfig.GENERATED_KEY)
                .putString("datapilot.source", plan.name())
                .putString("datapilot.type_origin", "generated")
                .putBoolean(SourceConfig.GENERATED_KEY_METADATA, true)
                .build();
        return concat(fileName, lit(":"), col(IngestTables.ROW_NUMBER).cast(DataTypes.StringType)).as(SourceConfig.GENERATED_KEY, metadata);
    }

    /** The folder of a source's path up to its first wildcard ({@code data/2024-*\/x.csv} → {@code data}), or null. */
    static String sourceFolder(String path) {
        if (path == null) {
            return null;
        }
        int wildcard = path.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int at = path.indexOf(c);
            if (at >= 0) {
                wildcard = Math.min(wildcard, at);
            }
        }
        int slash = path.lastIndexOf('/', wildcard - 1);
        return slash <= 0 ? null : path.substring(0, slash).replaceFirst("^[a-z][a-z0-9+.-]*:/*", "/");
    }

    /** This source's bad rows, as the quarantine table holds them. */
    Dataset<Row> quarantined(LocalDate runDate, Timestamp ingestedAt) {
        Column location = plan.source().effectiveFormat() == SourceFormat.XLSX
                ? concat(lit("sheet " + plan.inspection().sheet() + ", row "), col(IngestTables.ROW_NUMBER).cast("string"))
                : concat(lit("record "), col(IngestTables.ROW_NUMBER).cast("string"));
        return numbered().where(RowParser.isBad()).select(
                lit(plan.name()).alias("source"),
                col(RawSource.FILE).alias("file"),
                col(IngestTables.ROW_NUMBER).alias("row_number"),
                location.alias("location"),
                concat_ws("; ", RowParser.reasons()).alias("reason"),
                RowParser.reasons().alias("reasons"),
                col(RowParser.RAW).alias("raw_record"),
                lit(ingestedAt).alias(IngestTables.INGESTED_AT),
                lit(java.sql.Date.valueOf(runDate)).alias(DeltaIO.RUN_DATE));
    }

    private Metadata metadata(PlannedColumn column) {
        TypedColumn typed = types.get(column.name());
        String comment = "«" + column.original().display() + "» in " + plan.name()
                + (column.declared() != null && column.declared().description() != null ? ": " + column.declared().description() : "");
        MetadataBuilder builder = new MetadataBuilder()
                .putString("comment", comment)
                .putString("datapilot.original_name", column.original().display())
                .putString("datapilot.source", plan.name())
                .putString("datapilot.type_origin", typed == null ? "kept" : typed.origin().label());
        if (typed != null && !typed.formats().isEmpty()) {
            builder.putString("datapilot.formats", String.join(" | ", typed.formats()));
        }
        if (column.declared() != null && column.declared().unit() != null) {
            builder.putString("datapilot.unit", column.declared().unit());
        }
        ColumnTreatment treatment = treatments.get(column.name());
        if (treatment != null) {
            builder.putString("datapilot.personal", treatment.category() == null ? "declared" : treatment.category().key());
            builder.putString("datapilot.rgpd_treatment", treatment.describe());
        }
        return builder.build();
    }

    SourcePlan plan() {
        return plan;
    }

    Map<String, TypedColumn> types() {
        return types;
    }

    Map<String, ColumnTreatment> treatments() {
        return treatments;
    }

    /** Values of personal columns that did not have their category's format, before treatment, by column. */
    Map<String, Long> invalidFormats() {
        return invalidFormats;
    }

    private static List<Column> joined(List<Column> first, List<Column> second) {
        List<Column> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    long rows() {
        return rows;
    }

    long bad() {
        return bad;
    }

    List<ReasonCount> reasons() {
        return reasons;
    }

    @Override
    public void close() {
        parsed.unpersist();
    }
}
