package io.datapilot.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.replace;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.instr;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.reverse;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static org.apache.spark.sql.functions.expr;

import io.datapilot.core.config.ColumnType;
import io.datapilot.core.config.ConfigValidator;
import io.datapilot.core.config.NumberFormat;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * Spark expressions that turn raw text into typed values, the French way, and say when they fail.
 *
 * <p>Spark's own CSV number parsing uses the JVM locale and silently reads {@code 12,5} as 125 in a
 * decimal column, so numbers are read as text and parsed here: spaces, no-break spaces and narrow
 * no-break spaces between digit groups are removed, and the decimal mark follows
 * {@link NumberFormat}. Dates use strict java.time patterns ({@code 31/02/2024} fails); month
 * names in English or French are turned into numbers first ({@link MonthNames}), and {@code excel}
 * reads Excel serial day numbers. Every
 * parser returns the value and a "failed" flag: a non-empty text that did not parse is a bad row,
 * never a silent null.
 */
public final class ValueParser {
    /** A parsed value and whether the text failed to parse. */
    public record Parsed(Column value, Column failed, String expectation) {}

    static final Set<String> TRUE_WORDS = Set.of("oui", "vrai", "true", "yes");
    static final Set<String> FALSE_WORDS = Set.of("non", "faux", "false", "no");
    /** Removed from numbers: spaces (normal, no-break, narrow no-break), tabs, currency and percent signs. */
    private static final List<String> GROUP_AND_CURRENCY = List.of(" ", "\u00A0", "\u202F", "\t", "€", "$", "£", "%");
    private static final String UNDECODABLE = "\uFFFD";

    private ValueParser() {}

    /**
     * Parses {@code raw} (text, with null markers already turned to null) as {@code type}.
     *
     * @param formats date/timestamp patterns tried in order; an empty list means ISO
     * @param encoding shown in the message when the text holds undecodable bytes
     */
    public static Parsed parse(Column raw, ColumnType type, List<String> formats, NumberFormat numbers,
            String encoding) {
        return parse(raw, type, formats, numbers, encoding, false);
    }

    /**
     * As {@link #parse(Column, ColumnType, List, NumberFormat, String)}; with {@code guardEveryFormat}
     * each date pattern is tried only on text of its shape (detection tries patterns most values fail).
     */
    public static Parsed parse(Column raw, ColumnType type, List<String> formats, NumberFormat numbers,
            String encoding, boolean guardEveryFormat) {
        Column present = raw.isNotNull().and(length(trim(raw)).gt(0));
        return switch (type.kind()) {
            case STRING -> new Parsed(raw, raw.isNotNull().and(instr(raw, UNDECODABLE).gt(0)),
                    "text without undecodable characters (is the file really " + encoding + "?)");
            case INTEGER -> {
                Column text = numberText(raw, numbers);
                Column whole = text.cast(DataTypes.LongType);
                // Spark's cast cuts "12.5" to 12: accept a decimal point only before zeros
                Column value = when(instr(text, ".").equalTo(0).or(whole.equalTo(text.cast(DataTypes.DoubleType))), whole);
                yield new Parsed(value, present.and(value.isNull()), "a whole number");
            }
            case DOUBLE -> {
                Column text = numberText(raw, numbers);
                // the decimal reading refuses what Java's double parser would take ("1d", "NaN", "Infinity")
                Column number = text.cast(FRACTION).isNotNull().or(text.rlike(SCIENTIFIC));
                Column value = when(number, text.cast(DataTypes.DoubleType));
                yield new Parsed(value, present.and(value.isNull()), "a number" + numberHint(numbers));
            }
            case DECIMAL -> {
                Column text = numberText(raw, numbers);
                Column value = text.cast(type.sparkType());
                Column point = instr(text, ".");
                // nothing rounded away: few enough decimals, or equal to a wider reading ("12.340" in scale 2)
                Column exact = point.equalTo(0).or(length(text).minus(point).leq(type.scale()))
                        .or(value.equalTo(text.cast(wider(type))));
                Column checked = when(exact, value);
                yield new Parsed(checked, present.and(checked.isNull()), "a number that fits " + type + numberHint(numbers));
            }
            case DATE -> {
                Column value = firstParsed(raw, formats, false, guardEveryFormat);
                yield new Parsed(value, present.and(value.isNull()), "a date" + formatHint(formats));
            }
            case TIMESTAMP -> {
                Column value = firstParsed(raw, formats, true, guardEveryFormat);
                yield new Parsed(value, present.and(value.isNull()), "a date and time" + formatHint(formats));
            }
            case BOOLEAN -> {
                Column word = lower(trim(raw));
                Column value = when(word.isin(TRUE_WORDS.toArray()), lit(true))
                        .when(word.isin(FALSE_WORDS.toArray()), lit(false));
                yield new Parsed(value, present.and(value.isNull()), "oui/non, vrai/faux, true/false or yes/no");
            }
        };
    }

    private static final org.apache.spark.sql.types.DataType FRACTION = DataTypes.createDecimalType(38, 10);
    private static final String SCIENTIFIC = "^[+-]?(\\d+\\.?\\d*|\\.\\d+)[eE][+-]?\\d+$";

    /** A decimal type with more fraction digits than {@code type} but the same integer digits. */
    private static org.apache.spark.sql.types.DataType wider(ColumnType type) {
        int integerDigits = type.precision() - type.scale();
        int scale = Math.min(38 - integerDigits, type.scale() + 6);
        return DataTypes.createDecimalType(integerDigits + scale, scale);
    }

    /** Raw text, or null when it is one of the source's null markers (after trimming). */
    public static Column withoutNullMarkers(Column raw, List<String> markers, boolean keepBlank) {
        List<String> applied = keepBlank ? markers.stream().filter(marker -> !marker.isBlank()).toList() : markers;
        if (applied.isEmpty()) {
            return raw;
        }
        // only short texts can be markers: spare the trim and comparisons to the long ones
        int longest = applied.stream().mapToInt(marker -> marker.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).max()
                .orElse(0) + 8;
        return when(octet_length(raw).leq(longest).and(trim(raw).isin(applied.toArray())), lit(null).cast(DataTypes.StringType))
                .otherwise(raw);
    }

    /**
     * Text of a number with grouping spaces and currency removed and a '.' decimal mark. Plain
     * replacements, not regular expressions: this runs for every numeric value of every row.
     */
    static Column numberText(Column raw, NumberFormat numbers) {
        Column bare = raw;
        for (String removed : GROUP_AND_CURRENCY) {
            bare = replace(bare, lit(removed), lit(""));
        }
        return switch (numbers) {
            case FR -> replace(bare, lit(","), lit("."));
            case EN -> replace(bare, lit(","), lit(""));
            case AUTO -> {
                Column hasComma = instr(bare, ",").gt(0);
                Column hasPoint = instr(bare, ".").gt(0);
                // with both marks, the one nearer the end is the decimal mark
                Column commaIsLast = instr(reverse(bare), ",").lt(instr(reverse(bare), "."));
                yield when(hasComma.and(hasPoint).and(commaIsLast), replace(replace(bare, lit("."), lit("")), lit(","), lit(".")))
                        .when(hasComma.and(hasPoint), replace(bare, lit(","), lit("")))
                        .when(hasComma, replace(bare, lit(","), lit(".")))
                        .otherwise(bare);
            }
        };
    }


    private static Column firstParsed(Column raw, List<String> formats, boolean timestamp, boolean guardEveryFormat) {
        Column text = trim(raw);
        if (formats.isEmpty()) {
            // ISO 8601, with its date part: Spark alone would read "10:00" as today at 10:00
            return when(text.rlike("^[+-]?\\d{4}-\\d{1,2}-\\d{1,2}"), timestamp ? to_timestamp(text) : to_date(text));
        }
        Column result = null;
        Column monthNumbers = null;
        for (String format : formats) {
            Column parsed;
            if (ConfigValidator.EXCEL_SERIAL_FORMAT.equals(format)) {
                parsed = excelSerial(text, timestamp);
            } else {
                boolean monthName = MonthNames.inPattern(format);
                if (monthName && monthNumbers == null) {
                    monthNumbers = MonthNames.numericText(text);
                }
                // Spark knows English month names only: month words become numbers first
                Column input = monthName ? monthNumbers : text;
                String pattern = monthName ? MonthNames.numericPattern(format) : format;
                parsed = timestamp ? to_timestamp(input, pattern) : to_date(input, pattern);
                if (guardEveryFormat || result != null || monthName) {
                    // a failed java.time parse costs an exception inside Spark: try only text of the right shape
                    parsed = when(input.rlike(shapeOf(pattern)), parsed);
                }
                if (hasTwoDigitYear(format)) {
                    // Excel's rule for two-digit years: 00-29 are 2000-2029, 30-99 are 1930-1999
                    // (java.time would read 81 as 2081)
                    parsed = when(year(parsed).geq(2030), parsed.minus(expr("INTERVAL 100 YEARS"))).otherwise(parsed);
                }
            }
            result = result == null ? parsed : org.apache.spark.sql.functions.coalesce(result, parsed);
        }
        return result;
    }

    /** Serial day numbers of Excel's 1900 date system, the largest being 9999-12-31. */
    static final int LAST_EXCEL_SERIAL = 2_958_465;

    /**
     * An Excel serial day number as a date: serial 1 is 1900-01-01. Excel counts a 29 February 1900
     * that never was (serial 60, a bug kept from Lotus 1-2-3), so serial 60 is no date and later
     * serials are one day ahead of a plain count from 1899-12-31. Zero, negative numbers, fractions
     * (a time of day) and text are not dates.
     */
    static Column excelSerial(Column text, boolean timestamp) {
        Column serial = when(text.rlike("^\\d{1,7}(\\.0+)?$"), text.cast(DataTypes.DoubleType).cast(DataTypes.IntegerType));
        Column date = when(serial.between(1, 59), date_add(lit("1899-12-31").cast(DataTypes.DateType), serial))
                .when(serial.between(61, LAST_EXCEL_SERIAL), date_add(lit("1899-12-30").cast(DataTypes.DateType), serial));
        return timestamp ? date.cast(DataTypes.TimestampType) : date;
    }

    /**
     * A regular expression that every text a date pattern can parse matches: digits where the
     * pattern has numeric fields, the literal separators elsewhere ({@code d/M/yyyy} →
     * {@code ^\d{1,2}/\d{1,2}/\d{4}$}).
     */
    static String shapeOf(String format) {
        StringBuilder regex = new StringBuilder("^");
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '\'') {
                int end = format.indexOf('\'', i + 1);
                String literal = end < 0 ? format.substring(i + 1) : format.substring(i + 1, end);
                regex.append(java.util.regex.Pattern.quote(literal.isEmpty() ? "'" : literal));
                i = end < 0 ? format.length() : end + 1;
                continue;
            }
            int run = 1;
            while (i + run < format.length() && format.charAt(i + run) == c) {
                run++;
            }
            if ("yMdHhmsSkK".indexOf(c) >= 0 && !(c == 'M' && run >= 3)) {
                // Spark reads a fraction of seconds of any length up to its precision, whatever the count of S
                int min = c == 'y' ? (run == 2 ? 2 : 4) : 1;
                int max = c == 'y' ? (run == 2 ? 2 : 4) : c == 'S' ? 9 : 2;
                regex.append("\\d{").append(min).append(',').append(max).append('}');
            } else if (Character.isLetter(c)) {
                regex.append("\\S+");
            } else {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(c).repeat(run)));
            }
            i += run;
        }
        return regex.append('$').toString();
    }

    static boolean hasTwoDigitYear(String format) {
        String letters = format.replaceAll("'[^']*'", "");
        return letters.contains("yy") && !letters.contains("yyy");
    }

    private static String numberHint(NumberFormat numbers) {
        return switch (numbers) {
            case FR -> " written like 1 234,56";
            case EN -> " written like 1,234.56";
            case AUTO -> " written like 1 234,56 or 1234.56";
        };
    }

    private static String formatHint(List<String> formats) {
        return formats.isEmpty() ? " in ISO format (2024-12-31)" : " in format " + String.join(" or ", formats);
    }

    /** A column reference that survives names with dots or spaces. */
    static Column column(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }
}
