package io.datapilot.core.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * A column type as written in the configuration ({@code integer}, {@code decimal(12,2)}...).
 *
 * <p>Ingestion stores integers as 64-bit and decimals as declared; choosing narrower types is the
 * job of the load stage, which knows the observed ranges.
 */
public record ColumnType(Kind kind, int precision, int scale) {

    public enum Kind {
        STRING,
        INTEGER,
        DECIMAL,
        DOUBLE,
        DATE,
        TIMESTAMP,
        BOOLEAN
    }

    public static final ColumnType STRING = new ColumnType(Kind.STRING, 0, 0);
    public static final ColumnType INTEGER = new ColumnType(Kind.INTEGER, 0, 0);
    public static final ColumnType DOUBLE = new ColumnType(Kind.DOUBLE, 0, 0);
    public static final ColumnType DATE = new ColumnType(Kind.DATE, 0, 0);
    public static final ColumnType TIMESTAMP = new ColumnType(Kind.TIMESTAMP, 0, 0);
    public static final ColumnType BOOLEAN = new ColumnType(Kind.BOOLEAN, 0, 0);

    public static final String ACCEPTED =
            "string, integer, decimal(p,s), double, date, timestamp, boolean";
    private static final Pattern DECIMAL = Pattern.compile("(?:decimal|numeric)\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

    public ColumnType {
        if (kind == Kind.DECIMAL && (precision < 1 || precision > 38 || scale < 0 || scale > precision)) {
            throw new IllegalArgumentException("decimal(" + precision + "," + scale
                    + ") is not a valid decimal type: precision must be 1 to 38 and scale 0 to precision");
        }
    }

    public static ColumnType decimal(int precision, int scale) {
        return new ColumnType(Kind.DECIMAL, precision, scale);
    }

    /** Parses a type name; throws IllegalArgumentException with a readable message. */
    public static ColumnType parse(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        Matcher decimal = DECIMAL.matcher(name);
        if (decimal.matches()) {
            return decimal(Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
        }
        return switch (name) {
            case "string", "text", "varchar" -> STRING;
            case "integer", "int", "long", "bigint" -> INTEGER;
            case "decimal", "numeric" -> decimal(18, 2);
            case "double", "float", "number", "real" -> DOUBLE;
            case "date" -> DATE;
            case "timestamp", "datetime" -> TIMESTAMP;
            case "boolean", "bool" -> BOOLEAN;
            default -> throw new IllegalArgumentException(
                    "\"" + text + "\" is not a column type; use one of " + ACCEPTED);
        };
    }

    public boolean isNumeric() {
        return kind == Kind.INTEGER || kind == Kind.DECIMAL || kind == Kind.DOUBLE;
    }

    public boolean isTemporal() {
        return kind == Kind.DATE || kind == Kind.TIMESTAMP;
    }

    public DataType sparkType() {
        return switch (kind) {
            case STRING -> DataTypes.StringType;
            case INTEGER -> DataTypes.LongType;
            case DECIMAL -> DataTypes.createDecimalType(precision, scale);
            case DOUBLE -> DataTypes.DoubleType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }

    /**
     * The narrowest type that holds values of both types, used when one logical column is read from
     * several sources; falls back to string.
     */
    public ColumnType unify(ColumnType other) {
        if (equals(other)) {
            return this;
        }
        if (isNumeric() && other.isNumeric()) {
            if (kind == Kind.DOUBLE || other.kind == Kind.DOUBLE) {
                return DOUBLE;
            }
            if (kind == Kind.DECIMAL && other.kind == Kind.DECIMAL) {
                int scale = Math.max(this.scale, other.scale);
                int integerDigits = Math.max(precision - this.scale, other.precision - other.scale);
                return integerDigits + scale <= 38 ? decimal(integerDigits + scale, scale) : DOUBLE;
            }
            ColumnType decimalType = kind == Kind.DECIMAL ? this : other;
            int integerDigits = Math.max(decimalType.precision - decimalType.scale, 19);
            return integerDigits + decimalType.scale <= 38
                    ? decimal(integerDigits + decimalType.scale, decimalType.scale) : DOUBLE;
        }
        if (isTemporal() && other.isTemporal()) {
            return TIMESTAMP;
        }
        return STRING;
    }

    @Override
    public String toString() {
        return kind == Kind.DECIMAL ? "decimal(" + precision + "," + scale + ")" : kind.name().toLowerCase(Locale.ROOT);
    }
}
