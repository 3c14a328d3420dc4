package io.datapilot.load;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.datapilot.core.text.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampType;

/**
 * Chooses each column's tuned type from the data itself, in one aggregate pass:
 *
 * <ul>
 *   <li>whole numbers: the smallest of TINYINT, SMALLINT, INT, BIGINT that holds twice the largest
 *       observed magnitude (headroom: Delta 3.3 on Spark 3.5 can only widen byte → short → int later,
 *       never int → bigint, so a type chosen too tight means rewriting the table);
 *   <li>decimals (DECIMAL(p, s) with s &gt; 0) keep their scale; other numbers with at most 4
 *       decimals: DECIMAL(p, s) with s the decimals observed; p is one digit more than the largest
 *       integer part needs (stored as a 4- or 8-byte integer up to p = 18);
 *   <li>other numbers: FLOAT when every value survives the round trip through 32 bits within a
 *       relative 10⁻⁶, else DOUBLE;
 *   <li>texts: VARCHAR(n), n the smallest of 16, 32, 64, 128, 255, 1000, 4000 at least 1,25 × the
 *       longest value (a checked constraint in Delta, which stores it as a string: no byte saved);
 *   <li>timestamps always at midnight: DATE; booleans, dates: unchanged;
 *   <li>NOT NULL where no value is missing; CHECK (column ≥ 0) for columns that cannot be negative.
 * </ul>
 */
public final class TypeTuner {
    private static final int[] VARCHAR_SIZES = {16, 32, 64, 128, 255, 1000, 4000};
    private static final int MAX_SCALE = 4;

    private TypeTuner() {}

    /** What the data says of one column, and the type chosen. */
    public record TunedColumn(String column, DataType untuned, DataType tuned, String tunedSql, boolean notNull, boolean nonNegativeCheck,
            long nulls, String min, String max, Integer maxLength, double untunedBytes, double tunedBytes, String reason) {}

    static List<TunedColumn> tune(Dataset<Row> data, List<StructField> fields, Set<String> nonNegative) {
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(count(lit(1)).alias("_rows"));
        for (int i = 0; i < fields.size(); i++) {
            StructField field = fields.get(i);
            Column value = col("`" + field.name() + "`");
            String p = "c" + i + "_";
            DataType type = field.dataType();
            aggregates.add(sum(when(value.isNull(), 1).otherwise(0)).alias(p + "nulls"));
            if (type instanceof NumericType) {
                Column number = value.cast(DataTypes.DoubleType);
                aggregates.add(min(number).alias(p + "min"));
                aggregates.add(max(number).alias(p + "max"));
                for (int scale = 0; scale <= MAX_SCALE; scale++) {
                    aggregates.add(sum(when(round(value, scale).notEqual(value), 1).otherwise(0)).alias(p + "scale" + scale));
                }
                aggregates.add(sum(when(abs(value.cast(DataTypes.FloatType).cast(DataTypes.DoubleType).minus(number))
                        .gt(abs(number).multiply(1e-6)), 1).otherwise(0)).alias(p + "float_loss"));
            } else if (type instanceof StringType) {
                aggregates.add(max(length(value)).alias(p + "max_length"));
                aggregates.add(sum(length(value)).alias(p + "total_length"));
            } else if (type instanceof TimestampType) {
                aggregates.add(min(value).cast(DataTypes.StringType).alias(p + "min"));
                aggregates.add(max(value).cast(DataTypes.StringType).alias(p + "max"));
                aggregates.add(sum(when(date_trunc("day", value).notEqual(value), 1).otherwise(0)).alias(p + "time_of_day"));
            } else if (type instanceof DateType) {
                aggregates.add(min(value).cast(DataTypes.StringType).alias(p + "min"));
                aggregates.add(max(value).cast(DataTypes.StringType).alias(p + "max"));
            }
        }
        Row stats = data.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();
        long rows = stats.getLong(0);
        List<TunedColumn> tuned = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            tuned.add(choose(fields.get(i), stats, "c" + i + "_", rows, nonNegative.contains(fields.get(i).name())));
        }
        return tuned;
    }

    private static TunedColumn choose(StructField field, Row stats, String p, long rows, boolean cannotBeNegative) {
        DataType type = field.dataType();
        long nulls = stats.getLong(stats.fieldIndex(p + "nulls"));
        boolean notNull = nulls == 0 && rows > 0;
        double untunedBytes = bytes(type, stats, p, rows);
        if (type instanceof NumericType) {
            if (stats.isNullAt(stats.fieldIndex(p + "min"))) {
                return column(field, type, notNull, false, nulls, null, null, null, untunedBytes, untunedBytes,
                        "aucune valeur : type d'origine conservé");
            }
            double low = stats.getDouble(stats.fieldIndex(p + "min"));
            double high = stats.getDouble(stats.fieldIndex(p + "max"));
            boolean whole = stats.getLong(stats.fieldIndex(p + "scale0")) == 0;
            String range = "de " + Numbers.decimal(low, whole ? 0 : 2) + " à " + Numbers.decimal(high, whole ? 0 : 2);
            boolean nonNegativeCheck = cannotBeNegative && low >= 0;
            int scale = -1;
            for (int s = 0; s <= MAX_SCALE; s++) {
                if (stats.getLong(stats.fieldIndex(p + "scale" + s)) == 0) {
                    scale = s;
                    break;
                }
            }
            if (type instanceof DecimalType declared && declared.scale() > 0) {
                scale = declared.scale(); // a declared or computed decimal keeps its scale (amounts stay amounts)
            } else if (scale == 0) {
                double magnitude = 2 * Math.max(Math.abs(low), Math.abs(high));
                DataType integral = magnitude <= Byte.MAX_VALUE ? DataTypes.ByteType : magnitude <= Short.MAX_VALUE ? DataTypes.ShortType
                        : magnitude <= Integer.MAX_VALUE ? DataTypes.IntegerType : DataTypes.LongType;
                return column(field, integral, notNull, nonNegativeCheck, nulls, Numbers.decimal(low, 0), Numbers.decimal(high, 0), null,
                        untunedBytes, integral.defaultSize(), "nombres entiers " + range + " ; le type tient 2 × la plus grande valeur"
                                + " absolue (Delta 3.3 n'élargit ensuite que byte → short → int)");
            }
            if (scale >= 0) {
                int integerDigits = BigDecimal.valueOf(Math.floor(Math.max(Math.abs(low), Math.abs(high)))).toBigInteger().toString().length();
                int precision = Math.min(38, integerDigits + 1 + scale);
                DecimalType decimal = DataTypes.createDecimalType(precision, scale);
                return column(field, decimal, notNull, nonNegativeCheck, nulls, Numbers.decimal(low, scale), Numbers.decimal(high, scale),
                        null, untunedBytes, storedBytes(decimal, untunedBytes), "au plus " + scale + " décimale(s), " + range
                                + " ; un chiffre de marge sur la partie entière");
            }
            boolean floatEnough = stats.getLong(stats.fieldIndex(p + "float_loss")) == 0;
            DataType real = floatEnough ? DataTypes.FloatType : DataTypes.DoubleType;
            return column(field, real, notNull, nonNegativeCheck, nulls, Numbers.decimal(low, 4), Numbers.decimal(high, 4), null,
                    untunedBytes, real.defaultSize(), floatEnough ? "plus de " + MAX_SCALE + " décimales, mais 32 bits suffisent"
                            + " (écart relatif < 10⁻⁶ pour chaque valeur), " + range : "plus de " + MAX_SCALE + " décimales et 32 bits"
                            + " ne suffisent pas, " + range);
        }
        if (type instanceof StringType) {
            Integer maxLength = stats.isNullAt(stats.fieldIndex(p + "max_length")) ? null
                    : stats.getInt(stats.fieldIndex(p + "max_length"));
            if (maxLength == null || maxLength * 1.25 > VARCHAR_SIZES[VARCHAR_SIZES.length - 1]) {
                return column(field, type, notNull, false, nulls, null, null, maxLength, untunedBytes, untunedBytes,
                        maxLength == null ? "aucune valeur : texte sans limite" : "textes longs : sans limite de longueur");
            }
            int size = VARCHAR_SIZES[VARCHAR_SIZES.length - 1];
            for (int candidate : VARCHAR_SIZES) {
                if (candidate >= maxLength * 1.25) {
                    size = candidate;
                    break;
                }
            }
            return new TunedColumn(field.name(), type, DataTypes.StringType, "VARCHAR(" + size + ")", notNull, false, nulls, null, null,
                    maxLength, untunedBytes, untunedBytes, "texte de " + maxLength + " caractère(s) au plus ; VARCHAR(" + size
                            + ") laisse 25 % de marge (contrainte vérifiée par Delta, stockage inchangé)");
        }
        if (type instanceof TimestampType && stats.getLong(stats.fieldIndex(p + "time_of_day")) == 0
                && !stats.isNullAt(stats.fieldIndex(p + "min"))) {
            return column(field, DataTypes.DateType, notNull, false, nulls, stats.getString(stats.fieldIndex(p + "min")),
                    stats.getString(stats.fieldIndex(p + "max")), null, untunedBytes, 4, "horodatages toujours à minuit : une date suffit");
        }
        String low = has(stats, p + "min") && !stats.isNullAt(stats.fieldIndex(p + "min")) ? stats.getString(stats.fieldIndex(p + "min")) : null;
        String high = has(stats, p + "max") && !stats.isNullAt(stats.fieldIndex(p + "max")) ? stats.getString(stats.fieldIndex(p + "max")) : null;
        return column(field, type, notNull, false, nulls, low, high, null, untunedBytes, untunedBytes, type instanceof BooleanType
                ? "booléen" : type instanceof DateType ? "date" : "type d'origine conservé");
    }

    private static TunedColumn column(StructField field, DataType tuned, boolean notNull, boolean check, long nulls, String min, String max,
            Integer maxLength, double untunedBytes, double tunedBytes, String reason) {
        return new TunedColumn(field.name(), field.dataType(), tuned, tuned.sql(), notNull, check, nulls, min, max, maxLength, untunedBytes,
                tunedBytes, reason);
    }

    /**
     * Bytes per value of a tuned type as Parquet stores it: a DECIMAL as a 4-, 8- or 16-byte integer
     * by its precision, a text (a VARCHAR is stored as a string) as the untuned text's mean length,
     * any other type its size.
     */
    static double storedBytes(DataType tuned, double untunedBytes) {
        if (tuned instanceof StringType) {
            return untunedBytes;
        }
        if (tuned instanceof DecimalType decimal) {
            return decimal.precision() <= 9 ? 4 : decimal.precision() <= 18 ? 8 : 16;
        }
        return tuned.defaultSize();
    }

    private static double bytes(DataType type, Row stats, String p, long rows) {
        if (type instanceof StringType) {
            return rows == 0 || stats.isNullAt(stats.fieldIndex(p + "total_length")) ? 0
                    : (double) stats.getLong(stats.fieldIndex(p + "total_length")) / rows;
        }
        return type.defaultSize();
    }

    private static boolean has(Row row, String field) {
        return List.of(row.schema().fieldNames()).contains(field);
    }
}
