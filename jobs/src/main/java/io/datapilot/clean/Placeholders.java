package io.datapilot.clean;

import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.trim;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.profile.QualityAlerts;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * The rows of a column holding one of its declared placeholders ({@code clean.columns.<column>.placeholders}):
 * texts compared as the profile compares labels (without case, accents or extra spaces), numbers by
 * value, dates and timestamps by day.
 */
final class Placeholders {
    private static final String ACCENTED = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝ";
    private static final String PLAIN = "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUY";

    private Placeholders() {}

    /** Whether the row's value is a placeholder, in Spark's generated code; refuses placeholders the column's type cannot hold. */
    static Column condition(String table, String key, StructField field, List<String> placeholders) {
        Column value = org.apache.spark.sql.functions.col(Cleaner.quoted(field.name()));
        if (field.dataType() instanceof StringType) {
            return canonical(value).isin(placeholders.stream().map(QualityAlerts::canonical).distinct().toArray());
        }
        if (field.dataType() instanceof NumericType) {
            List<Object> numbers = new ArrayList<>();
            for (String placeholder : placeholders) {
                try {
                    numbers.add(Double.parseDouble(placeholder.trim().replace(',', '.')));
                } catch (NumberFormatException e) {
                    throw invalid(table, key, field, placeholder, "a number such as 9999 or -999");
                }
            }
            return value.cast(DataTypes.DoubleType).isin(numbers.toArray());
        }
        if (field.dataType() instanceof DateType || field.dataType() instanceof TimestampType
                || field.dataType() instanceof TimestampNTZType) {
            List<Object> days = new ArrayList<>();
            for (String placeholder : placeholders) {
                String day = placeholder.trim();
                try {
                    // a timestamp placeholder (1900-01-01 00:00:00) stands for its day
                    days.add(java.sql.Date.valueOf(LocalDate.parse(day.substring(0, Math.min(10, day.length())))));
                } catch (DateTimeParseException e) {
                    throw invalid(table, key, field, placeholder, "a date written as 1900-01-01");
                }
            }
            return value.cast(DataTypes.DateType).isin(days.toArray());
        }
        throw new DatapilotException(ErrorKind.CONFIG, "Invalid clean.columns." + key + ".placeholders: " + table + "." + field.name()
                + " is of type " + field.dataType().simpleString() + ", whose values cannot stand for a missing value. Remove the key,"
                + " or list the values in sources[].null_values so that ingestion reads them as missing.");
    }

    /** A text without case, accents or extra spaces, as {@link QualityAlerts#canonical} writes it. */
    static Column canonical(Column text) {
        return lower(trim(regexp_replace(translate(text, ACCENTED, PLAIN), "\\s+", " ")));
    }

    private static DatapilotException invalid(String table, String key, StructField field, String placeholder, String expected) {
        return new DatapilotException(ErrorKind.CONFIG, "Invalid clean.columns." + key + ".placeholders: \"" + placeholder + "\" cannot be"
                + " a value of " + table + "." + field.name() + ", which is of type " + field.dataType().simpleString() + "; list "
                + expected + ", or remove it.");
    }
}
