package io.datapilot.ingest;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.datapilot.core.config.ColumnType;
import io.datapilot.core.config.ConfigValidator;
import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.spark.Jobs;
import io.datapilot.ingest.SourcePlan.PlannedColumn;
import io.datapilot.ingest.TypedColumn.Origin;
import io.datapilot.ingest.read.RawSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Chooses the type of every text column that the configuration does not type, from the first
 * {@code detect_sample_rows} rows, in one Spark job for all columns.
 *
 * <p>A type is chosen only when every non-empty value of the sample parses with it, trying in
 * order: boolean, integer, decimal number, date, date and time, else text. Values with a leading
 * zero once grouping spaces are removed ({@code 06 12 34 56 78}, {@code 01000}) keep the column as
 * text: they are codes, not numbers.
 * Date patterns are tried French first ({@code 31/12/2024} before {@code 12/31/2024}); when no
 * single pattern reads every value, the patterns that together do are kept, in that order.
 */
public final class TypeDetector {
    /** Date patterns tried after the source's {@code date_formats}, in order. */
    public static final List<String> DATE_FORMATS = List.of(
            "d/M/yyyy", "yyyy-M-d", "d-M-yyyy", "d.M.yyyy", "M/d/yyyy", "d/M/yy", "M/d/yy",
            "d MMMM yyyy", "MMMM d yyyy", "d MMMM yy");
    /** Timestamp patterns tried after the source's {@code date_formats}, in order. */
    public static final List<String> TIMESTAMP_FORMATS = List.of(
            "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "d/M/yyyy H'h'mm", "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm",
            "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "M/d/yyyy H:mm",
            "M/d/yy H:mm", "d MMMM yyyy H:mm");

    /** Excel serial numbers detected among dates, 1927-05-18 to 2099-12-31. */
    static final int FIRST_PLAUSIBLE_SERIAL = 10_000;
    static final int LAST_PLAUSIBLE_SERIAL = 73_050;

    private TypeDetector() {}

    /** The type of every column of a raw source (before unification with other sources). */
    public static Map<String, TypedColumn> detect(SparkSession spark, RawSource raw) {
        SourceConfig source = raw.plan().source();
        Map<String, TypedColumn> typed = new LinkedHashMap<>();
        List<PlannedColumn> toDetect = new ArrayList<>();
        for (PlannedColumn column : raw.plan().columns()) {
            DataType sparkType = raw.rows().schema().apply(column.name()).dataType();
            ColumnType declared = column.declaredType().orElse(impliedByFormats(column.declaredFormats()));
            if (!(sparkType instanceof StringType)) {
                ColumnType nativeType = fromSpark(sparkType);
                typed.put(column.name(), declared != null
                        ? new TypedColumn(column.name(), declared, column.declaredFormats(), Origin.DECLARED)
                        : new TypedColumn(column.name(), nativeType, List.of(), Origin.NATIVE));
            } else if (declared != null && (!declared.isTemporal() || !column.declaredFormats().isEmpty())) {
                typed.put(column.name(), new TypedColumn(column.name(), declared, column.declaredFormats(), Origin.DECLARED));
            } else {
                typed.put(column.name(), null);
                toDetect.add(column);
            }
        }
        if (!toDetect.isEmpty()) {
            Map<Integer, Row> counts = Jobs.labelled(spark, "ingest", raw.plan().name() + " · detecting column types",
                    () -> sampleCounts(raw, toDetect));
            for (PlannedColumn column : toDetect) {
                // no row: every value of the sample was empty; decide treats it as no evidence
                typed.put(column.name(), decide(column, counts.get(column.position()), source));
            }
        }
        return typed;
    }

    private static List<Candidate> candidates(SourceConfig source) {
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate("boolean", ColumnType.BOOLEAN, List.of()));
        candidates.add(new Candidate("integer", ColumnType.INTEGER, List.of()));
        candidates.add(new Candidate("double", ColumnType.DOUBLE, List.of()));
        for (String format : dateFormats(source)) {
            candidates.add(new Candidate("date:" + format, ColumnType.DATE, List.of(format)));
        }
        for (String format : timestampFormats(source)) {
            candidates.add(new Candidate("timestamp:" + format, ColumnType.TIMESTAMP, List.of(format)));
        }
        candidates.add(new Candidate("timestamp:iso", ColumnType.TIMESTAMP, List.of()));
        return candidates;
    }

    private record Candidate(String key, ColumnType type, List<String> formats) {}

    /**
     * One row of counts per column. The sample is turned into (column, value) pairs first, so that
     * each candidate parser appears once in the query instead of once per column: the generated code
     * stays small and compiles fast however wide the source is.
     */
    private static Map<Integer, Row> sampleCounts(RawSource raw, List<PlannedColumn> columns) {
        SourceConfig source = raw.plan().source();
        Dataset<Row> sample = raw.rows().limit(source.detectSampleRows());
        List<Column> pairs = new ArrayList<>();
        for (PlannedColumn column : columns) {
            pairs.add(struct(lit(column.position()).alias("c"), sample.col(quoted(column.name())).alias("v")));
        }
        List<Column> selected = new ArrayList<>();
        selected.add(explode(array(pairs.toArray(Column[]::new))).alias("pair"));
        if (raw.hasColumn(RawSource.SHEET_ROW)) {
            // spark-excel fails when its row number column is configured but pruned from the scan
            selected.add(sample.col(RawSource.SHEET_ROW));
        }
        List<Column> pairColumns = new ArrayList<>(List.of(col("pair.c").alias("c"),
                ValueParser.withoutNullMarkers(col("pair.v"), source.nullValues(), false).alias("v")));
        List<Column> aggregates = new ArrayList<>();
        if (raw.hasColumn(RawSource.SHEET_ROW)) {
            pairColumns.add(col(RawSource.SHEET_ROW));
            aggregates.add(max(col(RawSource.SHEET_ROW)).alias("_last_sheet_row"));
        }
        Dataset<Row> values = sample.select(selected.toArray(Column[]::new)).select(pairColumns.toArray(Column[]::new));
        Column value = col("v");
        aggregates.add(count(value).alias("present"));
        // digits with a leading zero once spaces are removed ("06 39 98 12 34", "01000") are codes
        aggregates.add(sum(when(ValueParser.numberText(value, source.numberFormat()).rlike("^[+-]?0\\d+$"), 1).otherwise(0))
                .alias("leading_zero"));
        for (Candidate candidate : candidates(source)) {
            aggregates.add(failures(value, candidate.type(), candidate.formats(), source).alias(candidate.key()));
        }
        aggregates.add(failures(value, ColumnType.DATE, dateFormats(source), source).alias("date:any"));
        aggregates.add(failures(value, ColumnType.TIMESTAMP, timestampFormats(source), source).alias("timestamp:any"));
        aggregates.add(sum(when(plausibleSerial(value), 1).otherwise(0)).alias("excel_serials"));
        aggregates.add(failures(value, ColumnType.DATE, withExcelSerials(dateFormats(source)), source).alias("date:any+excel"));
        Map<Integer, Row> counts = new java.util.HashMap<>();
        for (Row row : values.groupBy("c").agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                .collectAsList()) {
            counts.put(row.getInt(0), row);
        }
        return counts;
    }

    private static Column failures(Column clean, ColumnType type, List<String> formats, SourceConfig source) {
        ValueParser.Parsed parsed = ValueParser.parse(clean, type, formats, source.numberFormat(), "", true);
        return sum(when(parsed.failed(), lit(1)).otherwise(lit(0)));
    }

    private static TypedColumn decide(PlannedColumn column, Row counts, SourceConfig source) {
        long present = counts == null ? 0 : failuresOf(counts, "present");
        ColumnType declared = column.declaredType().orElse(impliedByFormats(column.declaredFormats()));
        if (declared != null) {
            // a declared date or timestamp column without formats: pick the patterns that read it
            boolean date = declared.kind() == ColumnType.Kind.DATE;
            List<String> candidates = date ? dateFormats(source) : timestampFormats(source);
            List<String> formats = counts == null ? candidates
                    : bestFormats(counts, date ? "date" : "timestamp", candidates, present, present);
            return new TypedColumn(column.name(), declared, formats, Origin.DECLARED);
        }
        if (present == 0 || failuresOf(counts, "leading_zero") > 0) {
            return new TypedColumn(column.name(), ColumnType.STRING, List.of(), Origin.DETECTED);
        }
        // first a type that reads every value; else one that leaves no more bad values than the
        // source tolerates as bad rows (those rows then go to the quarantine, with their reason)
        long tolerated = (long) Math.floor(present * source.maxBadRowsRatio());
        for (long allowed : new long[] {0, tolerated}) {
            TypedColumn chosen = firstReading(column.name(), counts, source, present, allowed);
            if (chosen != null) {
                return chosen;
            }
        }
        return new TypedColumn(column.name(), ColumnType.STRING, List.of(), Origin.DETECTED);
    }

    private static TypedColumn firstReading(String name, Row counts, SourceConfig source, long present, long allowed) {
        for (String simple : List.of("boolean", "integer", "double")) {
            if (failuresOf(counts, simple) <= allowed) {
                ColumnType type = simple.equals("boolean") ? ColumnType.BOOLEAN
                        : simple.equals("integer") ? ColumnType.INTEGER : ColumnType.DOUBLE;
                return new TypedColumn(name, type, List.of(), Origin.DETECTED);
            }
        }
        List<String> dates = bestFormats(counts, "date", dateFormats(source), present, allowed);
        if (!dates.isEmpty()) {
            return new TypedColumn(name, ColumnType.DATE, dates, Origin.DETECTED);
        }
        List<String> timestamps = bestFormats(counts, "timestamp", timestampFormats(source), present, allowed);
        if (!timestamps.isEmpty()) {
            return new TypedColumn(name, ColumnType.TIMESTAMP, timestamps, Origin.DETECTED);
        }
        List<String> mixed = datesAmongExcelSerials(counts, source, present, allowed);
        if (!mixed.isEmpty()) {
            return new TypedColumn(name, ColumnType.DATE, mixed, Origin.DETECTED);
        }
        if (failuresOf(counts, "timestamp:iso") <= allowed) {
            return new TypedColumn(name, ColumnType.TIMESTAMP, List.of(), Origin.DETECTED);
        }
        return null;
    }

    /**
     * The date patterns that read the sample's dates, then {@code excel}, when a text column mixes
     * dates with 5-digit Excel serial numbers (a CSV exported from a workbook where some cells were
     * dates); else none. Plain integer columns are never read as serials: amounts and counts are
     * integers too, so serials count only beside real dates.
     */
    private static List<String> datesAmongExcelSerials(Row counts, SourceConfig source, long present, long allowed) {
        long serials = failuresOf(counts, "excel_serials");
        List<String> formats = dateFormats(source);
        if (serials == 0 || serials == present || formats.contains(ConfigValidator.EXCEL_SERIAL_FORMAT)
                || failuresOf(counts, "date:any+excel") > allowed) {
            return List.of();
        }
        List<String> readingDates = formats.stream().filter(format -> failuresOf(counts, "date:" + format) < present).toList();
        return readingDates.isEmpty() ? List.of() : withExcelSerials(readingDates);
    }

    /** Whether a detected column is read partly as Excel serial numbers (the console says so). */
    static boolean readsExcelSerials(TypedColumn column) {
        return column != null && column.origin() == Origin.DETECTED
                && column.formats().contains(ConfigValidator.EXCEL_SERIAL_FORMAT);
    }

    /** 5-digit serials from 10000 (1927-05-18) to 73050 (2099-12-31): what a date of a business file is. */
    private static Column plausibleSerial(Column value) {
        Column text = trim(value);
        return text.rlike("^\\d{5}$").and(text.cast(DataTypes.IntegerType).between(FIRST_PLAUSIBLE_SERIAL, LAST_PLAUSIBLE_SERIAL));
    }

    private static List<String> withExcelSerials(List<String> formats) {
        List<String> result = new ArrayList<>(formats);
        if (!result.contains(ConfigValidator.EXCEL_SERIAL_FORMAT)) {
            result.add(ConfigValidator.EXCEL_SERIAL_FORMAT);
        }
        return result;
    }

    /**
     * The first pattern that reads all values but {@code allowed}; else the patterns that together
     * do, in order; else none. With {@code allowed == present} (a declared date column), the pattern
     * that reads the most values.
     */
    private static List<String> bestFormats(Row counts, String kind, List<String> formats, long present, long allowed) {
        String best = formats.get(0);
        for (String format : formats) {
            long failed = failuresOf(counts, kind + ":" + format);
            if (failed <= allowed && (allowed < present || failed == 0)) {
                return List.of(format);
            }
            if (failed < failuresOf(counts, kind + ":" + best)) {
                best = format;
            }
        }
        if (failuresOf(counts, kind + ":any") <= allowed) {
            List<String> together = formats.stream().filter(format -> failuresOf(counts, kind + ":" + format) < present).toList();
            if (!together.isEmpty()) {
                return together;
            }
        }
        return allowed >= present ? List.of(best) : List.of();
    }

    private static long failuresOf(Row counts, String field) {
        int index = counts.fieldIndex(field);
        // sums over an empty sample are null
        return counts.isNullAt(index) ? 0 : counts.getLong(index);
    }

    private static List<String> dateFormats(SourceConfig source) {
        List<String> formats = new ArrayList<>(source.dateFormats().stream().filter(format -> !hasTime(format)).toList());
        DATE_FORMATS.stream().filter(format -> !formats.contains(format)).forEach(formats::add);
        return formats;
    }

    private static List<String> timestampFormats(SourceConfig source) {
        List<String> formats = new ArrayList<>(source.dateFormats().stream().filter(TypeDetector::hasTime).toList());
        TIMESTAMP_FORMATS.stream().filter(format -> !formats.contains(format)).forEach(formats::add);
        return formats;
    }


    static boolean hasTime(String format) {
        return format.replaceAll("'[^']*'", "").matches(".*[HhmsSkK].*");
    }

    private static ColumnType impliedByFormats(List<String> formats) {
        if (formats.isEmpty()) {
            return null;
        }
        return formats.stream().anyMatch(TypeDetector::hasTime) ? ColumnType.TIMESTAMP : ColumnType.DATE;
    }

    static ColumnType fromSpark(DataType type) {
        if (type instanceof IntegralType) {
            return ColumnType.INTEGER;
        }
        if (type instanceof DoubleType || type instanceof FloatType) {
            return ColumnType.DOUBLE;
        }
        if (type instanceof DecimalType decimal) {
            return ColumnType.decimal(decimal.precision(), decimal.scale());
        }
        if (type instanceof DateType) {
            return ColumnType.DATE;
        }
        if (type instanceof TimestampType || type instanceof TimestampNTZType) {
            return ColumnType.TIMESTAMP;
        }
        if (type instanceof BooleanType) {
            return ColumnType.BOOLEAN;
        }
        return null;
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
