package io.datapilot.profile;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.kurtosis;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.skewness;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.datapilot.core.spark.JobCounter;
import io.datapilot.core.spark.Jobs;
import io.datapilot.rgpd.Validators;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Profiles every column of a table in a bounded number of Spark jobs, whatever its width:
 *
 * <ol>
 *   <li>a sample of at most {@code sampleRows} rows (a partial read) for semantic types and examples;
 *   <li>one aggregate pass for every statistic of every column (counts, HyperLogLog distinct
 *       counts, moments, {@code percentile_approx} quartiles, lengths, mixed types, bad formats);
 *   <li>one shuffle for every frequency at once: (column, value) pairs of the columns with at most
 *       {@code exactDistinctLimit} distinct values (exact distinct counts and top values), IQR
 *       outliers as "low"/"high" buckets, and row and key hashes for duplicates.
 * </ol>
 *
 * <pre>{@code
 * TableProfile profile = Profiler.of(spark, table, "bronze.clients").withTopK(20).execute();
 * }</pre>
 */
public final class Profiler {
    /** Columns ingestion adds to every table: not data, not profiled. */
    public static final Set<String> BOOKKEEPING = Set.of("_source_file", "_row_number", "_ingested_at", "_run_date");
    private static final int VALUES_SEEN = 200;
    private static final int OUTLIER_KEY = 1_000_000;
    private static final int ROW_HASH_KEY = -1;
    private static final int KEY_HASH_KEY = -2;
    private static final String DATE_TEXT = "^\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}";

    private final SparkSession spark;
    private final Dataset<Row> table;
    private final String name;
    private int topK = 10;
    private int exactDistinctLimit = 100_000;
    private int percentileAccuracy = 10_000;
    private int sampleRows = 10_000;
    private LocalDate runDate = LocalDate.now();
    private LocalDate earliest = LocalDate.of(1900, 1, 1);
    private Set<String> personal = Set.of();
    private List<String> key = List.of();

    private Profiler(SparkSession spark, Dataset<Row> table, String name) {
        this.spark = spark;
        this.table = table;
        this.name = name;
    }

    public static Profiler of(SparkSession spark, Dataset<Row> table, String name) {
        return new Profiler(spark, table, name);
    }

    public Profiler withTopK(int value) {
        this.topK = value;
        return this;
    }

    public Profiler withExactDistinctLimit(int value) {
        this.exactDistinctLimit = value;
        return this;
    }

    public Profiler withPercentileAccuracy(int value) {
        this.percentileAccuracy = value;
        return this;
    }

    public Profiler withSampleRows(int value) {
        this.sampleRows = value;
        return this;
    }

    public Profiler withRunDate(LocalDate value) {
        this.runDate = value;
        return this;
    }

    public Profiler withEarliestDate(LocalDate value) {
        this.earliest = value;
        return this;
    }

    /** Columns whose examples must be masked. */
    public Profiler withPersonalColumns(Set<String> columns) {
        this.personal = Set.copyOf(columns);
        return this;
    }

    /** Key columns, for the duplicate-key count. */
    public Profiler withKey(List<String> columns) {
        this.key = List.copyOf(columns);
        return this;
    }

    public TableProfile execute() {
        long started = System.currentTimeMillis();
        List<StructField> fields = new ArrayList<>();
        for (StructField field : table.schema().fields()) {
            if (!BOOKKEEPING.contains(field.name())) {
                fields.add(field);
            }
        }
        try (JobCounter jobs = JobCounter.start(spark)) {
            Sample sample = Jobs.labelled(spark, "profile", name + " · sample", () -> Sample.of(table, fields, sampleRows));
            Map<String, SemanticHint> hints = new HashMap<>();
            fields.forEach(field -> hints.put(field.name(), SemanticHint.of(field, sample.values(field.name()))));
            Row first = Jobs.labelled(spark, "profile", name + " · statistics of every column", () -> firstPass(fields, hints));
            long rows = first.getLong(first.fieldIndex("_rows"));
            Map<Integer, Row> frequencies = Jobs.labelled(spark, "profile", name + " · frequencies, outliers, duplicates",
                    () -> frequencyPass(fields, first));
            List<ColumnProfile> columns = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                columns.add(columnProfile(i, fields.get(i), first, frequencies, hints.get(fields.get(i).name()), sample, rows));
            }
            Row rowHashes = frequencies.get(ROW_HASH_KEY);
            Row keyHashes = frequencies.get(KEY_HASH_KEY);
            return new TableProfile(name, rows, columns, rowHashes == null ? 0 : longOrZero(rowHashes, 3),
                    key.isEmpty() ? null : keyHashes == null ? Long.valueOf(0) : Long.valueOf(longOrZero(keyHashes, 3)), key, jobs.jobs(),
                    System.currentTimeMillis() - started);
        }
    }

    private Row firstPass(List<StructField> fields, Map<String, SemanticHint> hints) {
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(count(lit(1)).alias("_rows"));
        for (int i = 0; i < fields.size(); i++) {
            StructField field = fields.get(i);
            Column value = col(quoted(field.name()));
            String p = "c" + i + "_";
            aggregates.add(count(value).alias(p + "count"));
            DataType type = field.dataType();
            if (type instanceof MapType) {
                continue;
            }
            aggregates.add(approx_count_distinct(value, 0.02).alias(p + "distinct"));
            if (type instanceof StringType) {
                aggregates.add(sum(when(value.equalTo(""), 1).otherwise(0)).alias(p + "empty"));
                aggregates.add(sum(when(value.notEqual("").and(trim(value).equalTo("")), 1).otherwise(0)).alias(p + "blank"));
                aggregates.add(min(length(value)).alias(p + "min_length"));
                aggregates.add(max(length(value)).alias(p + "max_length"));
                aggregates.add(min(octet_length(value)).alias(p + "min_bytes"));
                aggregates.add(max(octet_length(value)).alias(p + "max_bytes"));
                aggregates.add(avg(length(value)).alias(p + "average_length"));
                aggregates.add(min(value).alias(p + "min"));
                aggregates.add(max(value).alias(p + "max"));
                Column number = TextChecks.asNumber(value);
                aggregates.add(sum(when(number.isNotNull(), 1).otherwise(0)).alias(p + "numeric_text"));
                aggregates.add(sum(when(value.rlike(DATE_TEXT), 1).otherwise(0)).alias(p + "date_text"));
                String format = hints.get(field.name()).formatPattern();
                if (format != null) {
                    aggregates.add(sum(when(value.isNotNull().and(trim(value).notEqual("")).and(functions_not(trim(value).rlike(format))), 1)
                            .otherwise(0)).alias(p + "invalid"));
                }
            } else if (type instanceof NumericType) {
                Column number = value.cast(DataTypes.DoubleType);
                aggregates.add(min(value).cast(DataTypes.StringType).alias(p + "min"));
                aggregates.add(max(value).cast(DataTypes.StringType).alias(p + "max"));
                aggregates.add(avg(number).alias(p + "mean"));
                aggregates.add(stddev_samp(number).alias(p + "stddev"));
                aggregates.add(skewness(number).alias(p + "skewness"));
                aggregates.add(kurtosis(number).alias(p + "kurtosis"));
                aggregates.add(sum(when(value.equalTo(0), 1).otherwise(0)).alias(p + "zeros"));
                aggregates.add(sum(when(value.lt(0), 1).otherwise(0)).alias(p + "negatives"));
                aggregates.add(percentile_approx(number, lit(new double[] {0.25, 0.5, 0.75}), lit(percentileAccuracy))
                        .alias(p + "quartiles"));
            } else if (type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType) {
                aggregates.add(min(value).cast(DataTypes.StringType).alias(p + "min"));
                aggregates.add(max(value).cast(DataTypes.StringType).alias(p + "max"));
                Column day = value.cast(DataTypes.DateType);
                aggregates.add(sum(when(day.gt(lit(java.sql.Date.valueOf(runDate))), 1).otherwise(0)).alias(p + "future"));
                aggregates.add(sum(when(day.lt(lit(java.sql.Date.valueOf(earliest))), 1).otherwise(0)).alias(p + "too_old"));
            } else if (type instanceof BooleanType) {
                aggregates.add(min(value).cast(DataTypes.StringType).alias(p + "min"));
                aggregates.add(max(value).cast(DataTypes.StringType).alias(p + "max"));
            }
        }
        return table.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();
    }

    private static Column functions_not(Column condition) {
        return org.apache.spark.sql.functions.not(condition);
    }

    /**
     * One shuffle for all frequencies: a (key, value) pair per counted cell, grouped by pair, then
     * by key. Keys: the column's index for values, {@value #OUTLIER_KEY} + index for outlier
     * buckets, -1 for row hashes, -2 for key hashes. Only a bounded result reaches the driver: per
     * key, the number of groups, the repeated rows and at most 200 most frequent values.
     */
    private Map<Integer, Row> frequencyPass(List<StructField> fields, Row first) {
        List<Column> pairs = new ArrayList<>();
        List<Column> hashed = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            StructField field = fields.get(i);
            Column value = col(quoted(field.name()));
            String p = "c" + i + "_";
            if (field.dataType() instanceof MapType) {
                continue;
            }
            hashed.add(value);
            long distinct = first.getLong(first.fieldIndex(p + "distinct"));
            if (distinct <= exactDistinctLimit && !(field.dataType() instanceof StructType)) {
                Column text = field.dataType() instanceof ArrayType ? org.apache.spark.sql.functions.to_json(value)
                        : value.cast(DataTypes.StringType);
                pairs.add(struct(lit(i).alias("k"), text.alias("v")));
            }
            if (field.dataType() instanceof NumericType) {
                List<Double> quartiles = quartiles(first, p);
                if (quartiles != null) {
                    double spread = quartiles.get(2) - quartiles.get(0);
                    double low = quartiles.get(0) - 1.5 * spread;
                    double high = quartiles.get(2) + 1.5 * spread;
                    Column number = value.cast(DataTypes.DoubleType);
                    pairs.add(struct(lit(OUTLIER_KEY + i).alias("k"),
                            when(number.lt(low), lit("low")).when(number.gt(high), lit("high")).alias("v")));
                }
            }
        }
        if (!hashed.isEmpty()) {
            pairs.add(struct(lit(ROW_HASH_KEY).alias("k"), xxhash64(hashed.toArray(Column[]::new)).cast(DataTypes.StringType).alias("v")));
        }
        if (!key.isEmpty()) {
            Column present = lit(true);
            List<Column> keyColumns = new ArrayList<>();
            for (String column : key) {
                present = present.and(col(quoted(column)).isNotNull());
                keyColumns.add(col(quoted(column)));
            }
            pairs.add(struct(lit(KEY_HASH_KEY).alias("k"),
                    when(present, xxhash64(keyColumns.toArray(Column[]::new)).cast(DataTypes.StringType)).alias("v")));
        }
        Map<Integer, Row> result = new HashMap<>();
        if (pairs.isEmpty()) {
            return result;
        }
        Dataset<Row> grouped = table.select(explode(array(pairs.toArray(Column[]::new))).alias("p"))
                .select(col("p.k").alias("k"), col("p.v").alias("v"))
                .where(col("v").isNotNull())
                .groupBy("k", "v").agg(count(lit(1)).alias("n"));
        Column countable = col("k").geq(0).and(col("k").lt(OUTLIER_KEY));
        Column outlier = col("k").geq(OUTLIER_KEY);
        List<Row> perKey = grouped.groupBy("k").agg(
                        count(lit(1)).alias("groups"),
                        sum(col("n")).alias("cells"),
                        sum(when(col("n").gt(1), col("n").minus(1)).otherwise(0)).alias("repeated"),
                        slice(array_sort(collect_list(when(countable.or(outlier), struct(col("n").multiply(-1).alias("order"),
                                col("v").alias("value"))))), 1, VALUES_SEEN).alias("top"))
                .collectAsList();
        for (Row row : perKey) {
            result.put(row.getInt(0), row);
        }
        return result;
    }

    private ColumnProfile columnProfile(int index, StructField field, Row first, Map<Integer, Row> frequencies, SemanticHint hint,
            Sample sample, long rows) {
        String p = "c" + index + "_";
        DataType type = field.dataType();
        long count = first.getLong(first.fieldIndex(p + "count"));
        Row values = frequencies.get(index);
        List<ValueCount> seen = values == null ? List.of() : topOf(values);
        Long outliers = null;
        Row buckets = frequencies.get(OUTLIER_KEY + index);
        if (type instanceof NumericType && quartiles(first, p) != null) {
            outliers = buckets == null ? 0 : longOrZero(buckets, 2);
        }
        long distinctApprox = has(first, p + "distinct") ? first.getLong(first.fieldIndex(p + "distinct")) : 0;
        Long distinctExact = values != null ? Long.valueOf(values.getLong(1)) : count == 0 ? Long.valueOf(0) : null;
        ColumnProfile draft = new ColumnProfile(field.name(), type.simpleString(), null, rows, count, rows - count,
                longField(first, p + "empty"), longField(first, p + "blank"), distinctApprox, distinctExact,
                stringField(first, p + "min"), stringField(first, p + "max"),
                doubleField(first, p + "mean"), doubleField(first, p + "stddev"), doubleField(first, p + "skewness"),
                doubleField(first, p + "kurtosis"), quartiles(first, p), longField(first, p + "zeros"),
                longField(first, p + "negatives"), intField(first, p + "min_length"), intField(first, p + "max_length"),
                intField(first, p + "min_bytes"), intField(first, p + "max_bytes"), doubleField(first, p + "average_length"),
                longField(first, p + "numeric_text"),
                longField(first, p + "date_text"), longField(first, p + "invalid"), outliers, longField(first, p + "future"),
                longField(first, p + "too_old"), seen.subList(0, Math.min(topK, seen.size())), seen,
                Examples.of(sample.values(field.name()), personal.contains(field.name())), personal.contains(field.name()));
        SemanticType semantic = hint.decide(draft, key.contains(field.name()));
        return new ColumnProfile(draft.column(), draft.type(), semantic, draft.rows(), draft.count(), draft.nulls(), draft.empty(),
                draft.blank(), draft.distinctApprox(), draft.distinctExact(), draft.min(), draft.max(), draft.mean(), draft.stddev(),
                draft.skewness(), draft.kurtosis(), draft.quartiles(), draft.zeros(), draft.negatives(), draft.minLength(),
                draft.maxLength(), draft.minBytes(), draft.maxBytes(), draft.averageLength(), draft.numericText(), draft.dateText(),
                draft.invalidFormat(),
                draft.outliers(), draft.future(), draft.tooOld(), draft.topValues(), draft.valuesSeen(), draft.examples(),
                draft.personal());
    }

    private static List<ValueCount> topOf(Row values) {
        List<Row> top = values.getList(4);
        List<ValueCount> counts = new ArrayList<>();
        for (Row entry : top) {
            counts.add(new ValueCount(entry.getString(1), -entry.getLong(0)));
        }
        return counts;
    }

    private static List<Double> quartiles(Row row, String prefix) {
        if (!has(row, prefix + "quartiles") || row.isNullAt(row.fieldIndex(prefix + "quartiles"))) {
            return null;
        }
        return row.getList(row.fieldIndex(prefix + "quartiles"));
    }

    private static boolean has(Row row, String field) {
        return java.util.Arrays.asList(row.schema().fieldNames()).contains(field);
    }

    /** A count of the first pass: null when not measured for this type, 0 when summed over no row. */
    private static Long longField(Row row, String field) {
        if (!has(row, field)) {
            return null;
        }
        int index = row.fieldIndex(field);
        return row.isNullAt(index) ? Long.valueOf(0) : Long.valueOf(((Number) row.get(index)).longValue());
    }

    private static Integer intField(Row row, String field) {
        return has(row, field) && !row.isNullAt(row.fieldIndex(field)) ? ((Number) row.get(row.fieldIndex(field))).intValue() : null;
    }

    private static Double doubleField(Row row, String field) {
        return has(row, field) && !row.isNullAt(row.fieldIndex(field)) ? ((Number) row.get(row.fieldIndex(field))).doubleValue() : null;
    }

    private static String stringField(Row row, String field) {
        return has(row, field) && !row.isNullAt(row.fieldIndex(field)) ? row.get(row.fieldIndex(field)).toString() : null;
    }

    private static long longOrZero(Row row, int index) {
        return row.isNullAt(index) ? 0 : ((Number) row.get(index)).longValue();
    }

    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
