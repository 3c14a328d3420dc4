package io.datapilot.profile;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
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
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
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
import scala.jdk.javaapi.CollectionConverters;

/**
 * Profiles every column of a table in a bounded number of Spark jobs, whatever its width:
 *
 * <ol>
 *   <li>a sample of at most {@code sampleRows} rows (a partial read) for semantic types and examples;
 *   <li>one aggregate pass, in Spark's generated code, for every statistic of every column that
 *       does not need the values' frequencies (counts, min/max, moments, lengths, mixed types, bad
 *       formats, impossible dates, outliers against the sample's Tukey fences);
 *   <li>one shuffle for every frequency at once: (column, value) pairs of every column, and row and
 *       key hashes, give exact distinct counts, top values, exact quartiles and duplicate counts.
 * </ol>
 *
 * <pre>{@code
 * TableProfile profile = Profiler.of(spark, table, "bronze.clients").withTopK(20).execute();
 * }</pre>
 */
public final class Profiler {
    /** Columns ingestion adds to every table: not data, not profiled. */
    public static final Set<String> BOOKKEEPING = Set.of("_source_file", "_row_number", "_ingested_at", "_run_date");

    /** The generated row key (key: auto): it numbers the rows, so it is no data to compare rows by. */
    public static boolean isGeneratedKey(StructField field) {
        return field.metadata().contains(io.datapilot.core.config.SourceConfig.GENERATED_KEY_METADATA);
    }

    private static final int VALUES_SEEN = 200;
    /** Frequency rows, per key: k, groups, cells, repeated, quartiles, top. */
    private static final scala.collection.immutable.Seq<String> ON_KEY = CollectionConverters.asScala(List.of("k")).toList();
    private static final int ROW_HASH_KEY = -1;
    private static final int KEY_HASH_KEY = -2;
    private static final String DATE_TEXT = "^\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}";

    private final SparkSession spark;
    private final Dataset<Row> table;
    private final String name;
    private int topK = 10;
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
            Row first = Jobs.labelled(spark, "profile", name + " · statistics of every column", () -> firstPass(fields, hints, sample));
            long rows = first.getLong(first.fieldIndex("_rows"));
            Map<Integer, Row> frequencies = Jobs.labelled(spark, "profile", name + " · frequencies, quartiles, duplicates",
                    () -> frequencyPass(fields, sample));
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

    /**
     * Every statistic that Spark's generated code can compute, in one aggregation: counts, min/max,
     * power sums for the moments, lengths, text checks, date checks, and outliers against fences
     * estimated from the sample's quartiles. No HyperLogLog or percentile sketch here: either would
     * switch the whole aggregation to Spark's interpreted object aggregate (measured 5× slower);
     * distinct counts and quartiles come exact from the frequency pass instead.
     */
    private Row firstPass(List<StructField> fields, Map<String, SemanticHint> hints, Sample sample) {
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(count(lit(1)).alias("_rows"));
        for (int i = 0; i < fields.size(); i++) {
            StructField field = fields.get(i);
            Column value = col(quoted(field.name()));
            String p = "c" + i + "_";
            aggregates.add(count(value).alias(p + "count"));
            DataType type = field.dataType();
            if (type instanceof StringType) {
                aggregates.add(sum(when(value.equalTo(""), 1).otherwise(0)).alias(p + "empty"));
                aggregates.add(sum(when(value.notEqual("").and(trim(value).equalTo("")), 1).otherwise(0)).alias(p + "blank"));
                aggregates.add(min(length(value)).alias(p + "min_length"));
                aggregates.add(max(length(value)).alias(p + "max_length"));
                aggregates.add(min(octet_length(value)).alias(p + "min_bytes"));
                aggregates.add(max(octet_length(value)).alias(p + "max_bytes"));
                aggregates.add(sum(length(value)).alias(p + "total_length"));
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
                // moments from power sums around a shift taken from the sample: sums stay small, so the
                // subtraction of large squared terms loses little precision
                double shift = sample.mean(field.name());
                Column centred = value.cast(DataTypes.DoubleType).minus(lit(shift));
                Column squared = centred.multiply(centred);
                aggregates.add(min(value).cast(DataTypes.StringType).alias(p + "min"));
                aggregates.add(max(value).cast(DataTypes.StringType).alias(p + "max"));
                aggregates.add(sum(centred).alias(p + "s1"));
                aggregates.add(sum(squared).alias(p + "s2"));
                aggregates.add(sum(squared.multiply(centred)).alias(p + "s3"));
                aggregates.add(sum(squared.multiply(squared)).alias(p + "s4"));
                aggregates.add(sum(when(value.equalTo(0), 1).otherwise(0)).alias(p + "zeros"));
                aggregates.add(sum(when(value.lt(0), 1).otherwise(0)).alias(p + "negatives"));
                double[] fences = sample.fences(field.name());
                if (fences != null) {
                    Column number = value.cast(DataTypes.DoubleType);
                    aggregates.add(sum(when(number.lt(fences[0]).or(number.gt(fences[1])), 1).otherwise(0)).alias(p + "outliers"));
                }
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
     * One shuffle for all frequencies: a (key, value) pair per non-null cell of every column, plus
     * row and key hashes, grouped by pair. From the groups, in the same query (Spark reuses the
     * shuffle for both branches): per key, the number of groups (exact distinct count), the repeated
     * rows (duplicates), exact quartiles weighted by the counts for numeric columns, and the 200
     * most frequent values. Only that bounded result reaches the driver.
     */
    private Map<Integer, Row> frequencyPass(List<StructField> fields, Sample sample) {
        List<Column> pairs = new ArrayList<>();
        List<Column> hashed = new ArrayList<>();
        List<Integer> numeric = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            StructField field = fields.get(i);
            Column value = col(quoted(field.name()));
            if (field.dataType() instanceof MapType) {
                continue;
            }
            if (!isGeneratedKey(field)) {
                // two identical observations differ only by their generated key
                hashed.add(value);
            }
            Column text = field.dataType() instanceof ArrayType || field.dataType() instanceof StructType
                    ? to_json(value) : value.cast(DataTypes.StringType);
            pairs.add(struct(lit(i).alias("k"), text.alias("v")));
            if (field.dataType() instanceof NumericType) {
                numeric.add(i);
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
        // exact quartiles need a map of a column's distinct values in one task: for nearly unique
        // numeric columns (identifiers, measurements) the sample's quartiles are used instead
        numeric.removeIf(index -> sample.nearlyUnique(fields.get(index).name()));
        Column isNumeric = col("k").isin(numeric.toArray());
        // counts in Spark's generated code; the percentile (an object aggregate) only over numeric columns' groups
        Dataset<Row> counts = grouped.groupBy("k").agg(
                count(lit(1)).alias("groups"),
                sum(col("n")).alias("cells"),
                sum(when(col("n").gt(1), col("n").minus(1)).otherwise(0)).alias("repeated"));
        Dataset<Row> quartiles = grouped.where(isNumeric).groupBy("k").agg(percentile(
                col("v").cast(DataTypes.DoubleType), lit(new double[] {0.25, 0.5, 0.75}), col("n")).alias("quartiles"));
        Dataset<Row> perKey = counts.join(quartiles, ON_KEY, "left");
        WindowSpec byCount = Window.partitionBy("k")
                .orderBy(col("n").desc(), col("v"));
        Dataset<Row> top = grouped.where(col("k").geq(0))
                .withColumn("rank", row_number().over(byCount))
                .where(col("rank").leq(VALUES_SEEN))
                .groupBy("k").agg(array_sort(collect_list(struct(col("n").multiply(-1).alias("order"), col("v").alias("value"))))
                        .alias("top"));
        for (Row row : perKey.join(top, ON_KEY, "left").collectAsList()) {
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
        List<ValueCount> seen = values == null || values.isNullAt(5) ? List.of() : topOf(values);
        long distinct = values == null ? 0 : values.getLong(1);
        // the column's type decides, not whether its values read as numbers: a text of film titles such as 1408 or of
        // codes such as 00123 has no quartiles
        List<Double> quartiles = !(type instanceof NumericType) ? null
                : values == null || values.isNullAt(4) ? sample.quartiles(field.name()) : values.getList(4);
        Moments moments = Moments.of(count, doubleField(first, p + "s1"), doubleField(first, p + "s2"), doubleField(first, p + "s3"),
                doubleField(first, p + "s4"), sample.mean(field.name()));
        Long totalLength = longField(first, p + "total_length");
        ColumnProfile draft = new ColumnProfile(field.name(), type.simpleString(), null, rows, count, rows - count,
                longField(first, p + "empty"), longField(first, p + "blank"), distinct, distinct,
                stringField(first, p + "min"), stringField(first, p + "max"),
                moments == null ? null : moments.mean(), moments == null ? null : moments.stddev(),
                moments == null ? null : moments.skewness(), moments == null ? null : moments.kurtosis(), quartiles,
                longField(first, p + "zeros"), longField(first, p + "negatives"), intField(first, p + "min_length"),
                intField(first, p + "max_length"), intField(first, p + "min_bytes"), intField(first, p + "max_bytes"),
                totalLength == null || count == 0 ? null : (double) totalLength / count,
                longField(first, p + "numeric_text"), longField(first, p + "date_text"), longField(first, p + "invalid"),
                longField(first, p + "outliers"), longField(first, p + "future"), longField(first, p + "too_old"),
                seen.subList(0, Math.min(topK, seen.size())), seen,
                Examples.of(sample.values(field.name()), personal.contains(field.name())), personal.contains(field.name()));
        SemanticType semantic = hint.decide(draft, key.contains(field.name()));
        return new ColumnProfile(draft.column(), draft.type(), semantic, draft.rows(), draft.count(), draft.nulls(), draft.empty(),
                draft.blank(), draft.distinctApprox(), draft.distinctExact(), draft.min(), draft.max(), draft.mean(), draft.stddev(),
                draft.skewness(), draft.kurtosis(), draft.quartiles(), draft.zeros(), draft.negatives(), draft.minLength(),
                draft.maxLength(), draft.minBytes(), draft.maxBytes(), draft.averageLength(), draft.numericText(), draft.dateText(),
                draft.invalidFormat(), draft.outliers(), draft.future(), draft.tooOld(), draft.topValues(), draft.valuesSeen(),
                draft.examples(), draft.personal());
    }

    private static List<ValueCount> topOf(Row values) {
        List<Row> top = values.getList(5);
        List<ValueCount> counts = new ArrayList<>();
        for (Row entry : top) {
            counts.add(new ValueCount(entry.getString(1), -entry.getLong(0)));
        }
        return counts;
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
