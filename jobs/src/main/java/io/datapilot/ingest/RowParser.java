package io.datapilot.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.datapilot.core.config.ColumnType;
import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.config.SourceFormat;
import io.datapilot.core.config.TreatmentConfig.Treatment;
import io.datapilot.rgpd.ColumnTreatment;
import io.datapilot.rgpd.Treatments;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import io.datapilot.ingest.SourcePlan.PlannedColumn;
import io.datapilot.ingest.read.RawSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;

/**
 * Turns a raw source into typed rows, each with the reasons it cannot be loaded ({@value #ERRORS},
 * joined by {@link #SEPARATOR}; empty for a good row) and, for a bad row only, its raw content
 * ({@value #RAW}) for the quarantine.
 *
 * <p>The reasons are joined with {@code concat_ws}, which skips nulls and is compiled by Spark's
 * code generation. {@code array_compact} would do the same, but as a higher-order function it is
 * interpreted, and with it every check it wraps: measured 8× slower on a million rows.
 */
public final class RowParser {
    public static final String ERRORS = "_errors";
    /** Between two reasons of one row: a control character no message contains. */
    public static final String SEPARATOR = "\u001F";
    /** Prefix of the flags of personal values that do not have their category's format (counted before treatment). */
    public static final String INVALID_PREFIX = "_invalid__";
    public static final String RAW = "_raw";
    /** What Excel shows instead of a value when a formula fails. */
    static final String EXCEL_ERROR = "^#(N/A|DIV/0!|VALUE!|REF!|NAME\\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$";

    private RowParser() {}

    public static Dataset<Row> parse(RawSource raw, Map<String, TypedColumn> types) {
        return parse(raw, types, Map.of(), null, java.time.LocalDate.now());
    }

    /**
     * Parses and applies the personal-data treatments, so that no clear personal value reaches a
     * table, its statistics or the quarantine ({@code DROP}ped columns are left out).
     *
     * @param pseudonymise null when no treatment pseudonymises
     */
    public static Dataset<Row> parse(RawSource raw, Map<String, TypedColumn> types, Map<String, ColumnTreatment> treatments,
            UserDefinedFunction pseudonymise, java.time.LocalDate runDate) {
        SourceConfig source = raw.plan().source();
        Dataset<Row> rows = raw.rows();
        List<String> meta = new ArrayList<>();
        for (String name : List.of(RawSource.FILE, RawSource.BLOCK, RawSource.PARTITION, RawSource.SEQUENCE, RawSource.SHEET_ROW)) {
            if (raw.hasColumn(name)) {
                meta.add(name);
            }
        }
        // Three projections, so that no expression is copied: (1) values and one failure flag per
        // check, raw text passed through; (2) the list of reasons; (3) the raw record of bad rows.
        List<Column> first = new ArrayList<>();
        List<String> valueNames = new ArrayList<>();
        List<String> rawNames = new ArrayList<>();
        List<String> rawColumns = new ArrayList<>();
        List<Column> reasons = new ArrayList<>();
        int check = 0;
        for (PlannedColumn planned : raw.plan().columns()) {
            String name = planned.name();
            Column input = col(quoted(name));
            String rawName = "_raw_" + rawNames.size();
            first.add(input.alias(rawName));
            rawNames.add(rawName);
            rawColumns.add(name);
            TypedColumn typed = types.get(name);
            ColumnTreatment treatment = treatments.get(name);
            DataType inputType = rows.schema().apply(name).dataType();
            if (treatment == null || treatment.treatment() != Treatment.DROP) {
                valueNames.add(name);
            }
            if (typed == null || typed.type() == null) {
                if (treatment == null || treatment.treatment() != Treatment.DROP) {
                    first.add(input.alias(name));
                }
                continue;
            }
            ColumnType type = typed.type();
            if (inputType instanceof StringType) {
                Column clean = ValueParser.withoutNullMarkers(input, source.nullValues(), type.kind() == ColumnType.Kind.STRING);
                ValueParser.Parsed parsed = ValueParser.parse(clean, type, typed.formats(), source.numberFormat(),
                        raw.plan().inspection().encoding() == null ? "UTF-8" : raw.plan().inspection().encoding());
                addValue(first, name, parsed.value(), type, treatment, pseudonymise, runDate);
                String pattern = formatOf(treatment);
                if (pattern != null) {
                    Column text = trim(parsed.value());
                    first.add(text.isNotNull().and(text.notEqual("")).and(functions.not(text.rlike(pattern))).alias(INVALID_PREFIX + name));
                    meta.add(INVALID_PREFIX + name);
                }
                Column failed = parsed.failed();
                if (source.effectiveFormat() == SourceFormat.XLSX) {
                    Column excelError = clean.rlike(EXCEL_ERROR);
                    failed = failed.and(functions.not(excelError));
                    first.add(excelError.alias("_check_" + check));
                    reasons.add(when(col("_check_" + check++), lit("column " + name + ": Excel error value (#N/A,"
                            + " #DIV/0!...) instead of data; fix the formula or list the value in null_values")));
                }
                first.add(failed.alias("_check_" + check));
                reasons.add(when(col("_check_" + check++), lit("column " + name + ": expected " + parsed.expectation())));
            } else if (type.sparkType().equals(inputType)) {
                addValue(first, name, input, type, treatment, pseudonymise, runDate);
            } else {
                // a Parquet int becomes the 64-bit integer every other source's integers are
                Column converted = input.cast(type.sparkType());
                addValue(first, name, converted, type, treatment, pseudonymise, runDate);
                first.add(input.isNotNull().and(converted.isNull()).alias("_check_" + check));
                reasons.add(when(col("_check_" + check++), lit("column " + name + ": value does not fit " + type)));
            }
        }
        if (raw.hasColumn(RawSource.CORRUPT)) {
            String what = source.effectiveFormat() == SourceFormat.JSON ? "malformed JSON record"
                    : "malformed record: wrong number of fields or an unclosed quote";
            first.add(col(RawSource.CORRUPT));
            reasons.add(when(col(RawSource.CORRUPT).isNotNull(), lit(what)));
        }
        for (String name : List.of(RawSource.FILE, RawSource.BLOCK, RawSource.PARTITION, RawSource.SEQUENCE, RawSource.SHEET_ROW)) {
            if (raw.hasColumn(name)) {
                first.add(col(name));
            }
        }

        List<Column> second = new ArrayList<>();
        valueNames.forEach(name -> second.add(col(quoted(name))));
        rawNames.forEach(name -> second.add(col(name)));
        if (raw.hasColumn(RawSource.CORRUPT)) {
            second.add(col(RawSource.CORRUPT));
        }
        second.add((reasons.isEmpty() ? lit("") : concat_ws(SEPARATOR, reasons.toArray(Column[]::new))).alias(ERRORS));
        meta.forEach(name -> second.add(col(name)));

        List<Column> third = new ArrayList<>();
        valueNames.forEach(name -> third.add(col(quoted(name))));
        third.add(col(ERRORS));
        meta.forEach(name -> third.add(col(name)));
        List<Column> rawFields = new ArrayList<>();
        for (int i = 0; i < rawNames.size(); i++) {
            ColumnTreatment treatment = treatments.get(rawColumns.get(i));
            Column text = treatment == null ? col(rawNames.get(i)) : Treatments.raw(col(rawNames.get(i)), treatment, pseudonymise);
            rawFields.add(text.alias(rawColumns.get(i)));
        }
        Column rawText = to_json(struct(rawFields.toArray(Column[]::new)));
        if (raw.hasColumn(RawSource.CORRUPT)) {
            boolean personal = treatments.values().stream().anyMatch(treatment -> !treatment.writesClearValues());
            // a malformed record cannot be split into fields, so its personal values cannot be treated one by one
            Column corrupt = personal
                    ? concat(lit("[withheld: "), length(col(RawSource.CORRUPT)).cast(DataTypes.StringType),
                            lit(" characters; the source has personal columns]"))
                    : col(RawSource.CORRUPT);
            rawText = when(col(RawSource.CORRUPT).isNotNull(), corrupt).otherwise(rawText);
        }
        // the raw text is kept for bad rows only: good rows carry their typed values
        third.add(when(isBad(), rawText).alias(RAW));

        return rows.select(first.toArray(Column[]::new))
                .select(second.toArray(Column[]::new))
                .select(third.toArray(Column[]::new));
    }

    private static void addValue(List<Column> projection, String name, Column value, ColumnType type, ColumnTreatment treatment,
            UserDefinedFunction pseudonymise, java.time.LocalDate runDate) {
        if (treatment == null) {
            projection.add(value.alias(name));
            return;
        }
        Column treated = Treatments.value(value, type.sparkType(), treatment, pseudonymise, runDate);
        if (treated != null) {
            projection.add(treated.alias(name));
        }
    }

    private static String formatOf(ColumnTreatment treatment) {
        if (treatment == null || treatment.category() == null || treatment.treatment() == Treatment.KEEP) {
            return null;
        }
        return switch (treatment.category()) {
            case EMAIL -> io.datapilot.rgpd.Validators.EMAIL_PATTERN;
            case PHONE -> io.datapilot.rgpd.Validators.FRENCH_PHONE_PATTERN;
            case POSTCODE -> io.datapilot.rgpd.Validators.POSTCODE_PATTERN;
            default -> null;
        };
    }

    /** True for a row with at least one reason not to load it. */
    public static Column isBad() {
        return col(ERRORS).notEqual(lit(""));
    }

    /** The reasons of a row as a list (empty for a good row). */
    public static Column reasons() {
        return when(isBad(), split(col(ERRORS), SEPARATOR)).otherwise(array().cast(DataTypes.createArrayType(DataTypes.StringType)));
    }

    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
